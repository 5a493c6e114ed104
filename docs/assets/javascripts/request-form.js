/* The request form on the Contact page (its HTML: housing_kit/site/request_form.py).
 *
 * Without this script the form stays hidden and the page says what to send, and where.
 * With it, the visitor gets accessible validation and then, when they press a button:
 *   - an e-mail (a mailto: link) with a readable summary and the machine-readable YAML block,
 *   - the same text copied, or the YAML block downloaded as a .yaml file,
 *   - or, when the site names an endpoint (data-endpoint), a JSON POST of the same data.
 * Nothing leaves the browser before a button is pressed. All settings and wording come from
 * the form's data- attributes (no inline script, so a Content Security Policy can forbid them).
 *
 * The YAML block is what `python build.py request` reads: it starts with the marker line,
 * has one key per line, and quotes every string JSON-style (valid YAML, safe for Polish
 * letters, quotes, colons and line breaks). It always ends the message.
 *
 * For tests and embedding: before opening a mailto: URL the form dispatches a cancelable
 * "hk-request:mailto" event with the URL in event.detail.url; preventDefault() keeps the
 * browser where it is. The same URL is on the "open again" link of the status message.
 */
(function () {
  "use strict";

  var MARKER = "# presentation-request v1";
  var KEYS = [
    "organisation", "organisation_kind", "city", "region", "contact_person", "email", "phone",
    "preferred_dates", "topics", "audience_kind", "audience_size", "language", "notes", "consent",
  ];
  var REQUIRED_DATES = 2;
  // The address pattern browsers use for type=email (ASCII only), so the team's tools accept it too.
  var EMAIL_RE = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
  var PHONE_RE = /^\+?[0-9 ()./-]+$/;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  /* Text as typed, made safe to encode and to quote: one code point per Polish letter (NFC),
     lone surrogates replaced (encodeURIComponent would throw), control characters dropped.
     Single-line fields get their white space collapsed; notes keep their line breaks. */
  function clean(value, multiline) {
    var text = String(value || "");
    if (text.normalize) text = text.normalize("NFC");
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          out += text[i] + text[i + 1];
          i++;
        } else {
          out += "\ufffd";
        }
      } else if (code >= 0xdc00 && code <= 0xdfff) {
        out += "\ufffd";
      } else {
        out += text[i];
      }
    }
    out = out.replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
    out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/g, "");
    if (!multiline) return out.replace(/\s+/g, " ").trim();
    return out.replace(/[\t ]+\n/g, "\n").replace(/\t/g, " ").replace(/\n{3,}/g, "\n\n").trim();
  }

  /* A JSON string is a valid YAML double-quoted scalar once the few characters YAML
     treats differently from JSON are escaped too. */
  function yamlString(text) {
    return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function yamlValue(value) {
    if (Array.isArray(value)) return "[" + value.map(yamlValue).join(", ") + "]";
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    return yamlString(value);
  }

  function yamlLines(request) {
    var lines = [MARKER];
    KEYS.forEach(function (key) {
      if (Object.prototype.hasOwnProperty.call(request, key)) lines.push(key + ": " + yamlValue(request[key]));
    });
    return lines;
  }

  function asciiSlug(text) {
    var folded = text.replace(/ł/g, "l").replace(/Ł/g, "L").normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return folded.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "visit";
  }

  function todayIso() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function RequestForm(form) {
    this.form = form;
    this.text = JSON.parse(form.getAttribute("data-text"));
    this.aliases = JSON.parse(form.getAttribute("data-aliases"));
    this.email = form.getAttribute("data-email");
    this.endpoint = form.getAttribute("data-endpoint") || "";
    this.maxMailto = parseInt(form.getAttribute("data-max-mailto"), 10) || 2000;
    this.status = form.querySelector("[data-hk-status]");
    this.formError = form.querySelector("#hk-rq-form-error");
    this.manualCopy = form.querySelector("[data-hk-manual-copy]");
    this.months = this.text.months.split(/\s+/);
    this.sending = false;
  }

  RequestForm.prototype.el = function (name) {
    return this.form.elements[name];
  };

  RequestForm.prototype.all = function (selector) {
    return Array.prototype.slice.call(this.form.querySelectorAll(selector));
  };

  RequestForm.prototype.start = function () {
    var self = this;
    var plain = this.form.parentNode.querySelector("[data-hk-request-plain]");
    if (plain) plain.hidden = true;
    this.form.hidden = false;
    var today = todayIso();
    this.all("input[type=date]").forEach(function (input) { input.min = today; });
    this.preselectTopics(window.location.search);
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.send();
    });
    this.form.querySelector("[data-hk-copy]").addEventListener("click", function () { self.copy(); });
    this.form.querySelector("[data-hk-download]").addEventListener("click", function () { self.download(); });
    var recheck = function () { self.recheck(); };
    this.form.addEventListener("input", recheck);
    this.form.addEventListener("change", recheck);
  };

  /* ?topic=ans (or an alias, or several: ?topic=ans&topic=hf) ticks those topics. */
  RequestForm.prototype.preselectTopics = function (search) {
    var self = this;
    var params = new URLSearchParams(search);
    params.getAll("topic").forEach(function (value) {
      value.split(",").forEach(function (name) {
        var slug = self.aliases[name.trim().toLowerCase()];
        var box = slug && self.form.querySelector('input[name="topics"][value="' + slug + '"]');
        if (box) box.checked = true;
      });
    });
  };

  /* ---- validation ---------------------------------------------------------------- */

  /* Every problem, in the order of the fields: {key, controls, message}. `key` names the
     error element (key + "-error") that shows the message next to the field. */
  RequestForm.prototype.problems = function () {
    var T = this.text;
    var self = this;
    var found = [];
    var add = function (key, controls, message) { found.push({ key: key, controls: controls, message: message }); };
    var required = function (name, message) {
      var input = self.el(name);
      if (!clean(input.value)) add(input.id, [input], message);
    };
    required("organisation", T.msg_required_organisation);
    required("organisation_kind", T.msg_required_organisation_kind);
    required("city", T.msg_required_city);
    required("contact_person", T.msg_required_contact_person);
    var email = this.el("email");
    var address = clean(email.value);
    if (!address) add(email.id, [email], T.msg_required_email);
    else if (!EMAIL_RE.test(address)) add(email.id, [email], T.msg_invalid_email);
    var phone = this.el("phone");
    var number = clean(phone.value);
    if (number && (!PHONE_RE.test(number) || number.replace(/\D/g, "").length < 6)) {
      add(phone.id, [phone], T.msg_invalid_phone);
    }
    var today = todayIso();
    var seen = [];
    this.all('input[name="preferred_dates"]').forEach(function (input, i) {
      var value = input.value;
      if (!value && (i < REQUIRED_DATES || (input.validity && input.validity.badInput))) {
        add(input.id, [input], T.msg_required_date);
      } else if (value && value < today) {
        add(input.id, [input], T.msg_past_date);
      } else if (value && seen.indexOf(value) >= 0) {
        add(input.id, [input], T.msg_repeated_date);
      }
      if (value) seen.push(value);
    });
    var topics = this.all('input[name="topics"]');
    if (!topics.some(function (box) { return box.checked; })) add("hk-rq-topics", topics, T.msg_required_topics);
    required("audience_kind", T.msg_required_audience_kind);
    var size = this.el("audience_size");
    var count = Number(size.value);
    if ((size.validity && size.validity.badInput) ||
        (size.value !== "" && !(Number.isInteger(count) && count >= 1 && count <= 5000))) {
      add(size.id, [size], T.msg_invalid_audience_size);
    }
    var consent = this.el("consent");
    if (!consent.checked) add(consent.id, [consent], T.msg_required_consent);
    return found;
  };

  RequestForm.prototype.showError = function (problem) {
    var box = this.form.querySelector("#" + problem.key + "-error");
    box.textContent = problem.message;
    box.hidden = false;
    problem.controls.forEach(function (control) {
      control.setAttribute("aria-invalid", "true");
      var ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      if (ids.indexOf(box.id) < 0) ids.push(box.id);
      control.setAttribute("aria-describedby", ids.join(" "));
    });
  };

  RequestForm.prototype.clearError = function (key) {
    var box = this.form.querySelector("#" + key + "-error");
    box.textContent = "";
    box.hidden = true;
    this.all('[aria-describedby~="' + box.id + '"]').forEach(function (control) {
      control.removeAttribute("aria-invalid");
      var ids = control.getAttribute("aria-describedby").split(/\s+/).filter(function (id) { return id && id !== box.id; });
      if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
      else control.removeAttribute("aria-describedby");
    });
  };

  RequestForm.prototype.shownErrors = function () {
    return this.all(".hk-error[id$='-error']:not([hidden])")
      .filter(function (box) { return box !== this.formError; }, this)
      .map(function (box) { return box.id.slice(0, -"-error".length); });
  };

  /* Check everything, show each message next to its field, move focus to the first. */
  RequestForm.prototype.check = function () {
    var self = this;
    this.hideFormError();
    this.shownErrors().forEach(function (key) { self.clearError(key); });
    var problems = this.problems();
    problems.forEach(function (problem) { self.showError(problem); });
    if (problems.length) {
      this.setStatus("");
      problems[0].controls[0].focus();
    }
    return problems.length === 0;
  };

  /* While the visitor corrects the form: update the messages already shown, add no new ones. */
  RequestForm.prototype.recheck = function () {
    var shown = this.shownErrors();
    this.hideFormError();
    if (!shown.length) return;
    var self = this;
    var current = {};
    this.problems().forEach(function (problem) { current[problem.key] = problem; });
    shown.forEach(function (key) {
      if (current[key]) self.showError(current[key]);
      else self.clearError(key);
    });
  };

  RequestForm.prototype.hideFormError = function () {
    this.formError.hidden = true;
    this.formError.textContent = "";
  };

  /* ---- the request and the message ----------------------------------------------- */

  /* The request exactly as models.Request reads it; empty optional fields are left out. */
  RequestForm.prototype.request = function () {
    var el = this.el.bind(this);
    var request = {
      organisation: clean(el("organisation").value),
      organisation_kind: el("organisation_kind").value,
      city: clean(el("city").value),
    };
    var region = clean(el("region").value);
    if (region) request.region = region;
    request.contact_person = clean(el("contact_person").value);
    request.email = clean(el("email").value);
    var phone = clean(el("phone").value);
    if (phone) request.phone = phone;
    request.preferred_dates = this.all('input[name="preferred_dates"]')
      .map(function (input) { return input.value; }).filter(Boolean);
    request.topics = this.all('input[name="topics"]:checked').map(function (box) { return box.value; });
    request.audience_kind = el("audience_kind").value;
    if (el("audience_size").value !== "") request.audience_size = Number(el("audience_size").value);
    request.language = this.form.querySelector('input[name="language"]:checked').value;
    var notes = clean(el("notes").value, true);
    if (notes) request.notes = notes;
    request.consent = true;
    return request;
  };

  RequestForm.prototype.labelOf = function (input) {
    var label = this.form.querySelector('label[for="' + input.id + '"]');
    return label ? label.textContent.trim() : input.value;
  };

  RequestForm.prototype.formatDate = function (iso) {
    var parts = iso.split("-");
    return Number(parts[2]) + " " + this.months[Number(parts[1]) - 1] + " " + parts[0];
  };

  /* The readable summary, from the fullest to the shortest; a long request drops lines
     from the summary so that the e-mail link stays short enough. The YAML block is never cut. */
  RequestForm.prototype.summaries = function (request) {
    var T = this.text;
    var self = this;
    var kindOf = function (name) {
      var select = self.el(name);
      return select.options[select.selectedIndex].textContent.trim();
    };
    var topicTitles = this.all('input[name="topics"]:checked').map(function (box) { return self.labelOf(box); });
    var language = this.labelOf(this.form.querySelector('input[name="language"]:checked'));
    var head = [T.mail_greeting, "", T.mail_intro, ""];
    var tail = ["", T.mail_block_intro];
    var line = function (key, parts) { return T[key] + ": " + parts.filter(Boolean).join(", "); };
    var organisation = T.sum_organisation + ": " + request.organisation + " – " + kindOf("organisation_kind");
    var place = line("sum_place", [request.city, request.region]);
    var dates = line("sum_dates", request.preferred_dates.map(this.formatDate, this));
    var contact = line("sum_contact", [request.contact_person, request.email, request.phone]);
    var topics = T.sum_topics + ": " + topicTitles.join("; ");
    var size = request.audience_size ? format(T.about_people, { n: request.audience_size }) : "";
    var audience = line("sum_audience", [kindOf("audience_kind"), size]);
    var languageLine = T.sum_language + ": " + language;
    var details = [organisation, place, contact, dates, topics, audience, languageLine];
    // On one line, so no line of the notes can pass for the start of the YAML block.
    var notes = request.notes ? [T.sum_notes + ": " + request.notes.split("\n").filter(Boolean).join(" / ")] : [];
    return [
      head.concat(details, notes, tail),
      head.concat(details, tail),
      head.concat([organisation, place, dates], tail),
      [T.mail_greeting].concat(tail),
    ];
  };

  RequestForm.prototype.subjects = function (request) {
    return [this.text.mail_subject + " – " + request.city, this.text.mail_subject];
  };

  RequestForm.prototype.mailtoUrl = function (subject, body) {
    var address = encodeURIComponent(this.email).replace(/%40/g, "@");
    return "mailto:" + address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  };

  /* The e-mail: {url, body}, or null when even the shortest summary leaves it too long. */
  RequestForm.prototype.mail = function (request) {
    var block = yamlLines(request);
    var subjects = this.subjects(request);
    var summaries = this.summaries(request);
    for (var s = 0; s < subjects.length; s++) {
      for (var i = 0; i < summaries.length; i++) {
        if (s > 0 && i < summaries.length - 1) continue; // cut the subject only once the summary is at its shortest
        var body = summaries[i].concat(block).join("\r\n") + "\r\n";
        var url = this.mailtoUrl(subjects[s], body);
        if (url.length < this.maxMailto) return { url: url, body: body, subject: subjects[s] };
      }
    }
    return null;
  };

  /* Copied text: the full summary and the block, whatever the length. */
  RequestForm.prototype.fullText = function (request) {
    return this.summaries(request)[0].concat(yamlLines(request)).join("\n") + "\n";
  };

  RequestForm.prototype.fileName = function (request) {
    var first = request.preferred_dates.slice().sort()[0];
    return "request-" + first + "-" + asciiSlug(request.city) + ".yaml";
  };

  /* ---- status messages ------------------------------------------------------------ */

  RequestForm.prototype.setStatus = function (message, link) {
    this.status.textContent = "";
    if (!message) return;
    var p = document.createElement("p");
    p.textContent = message;
    this.status.appendChild(p);
    if (link) {
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      a.className = "md-button";
      a.setAttribute("data-hk-mailto", "");
      var q = document.createElement("p");
      q.appendChild(a);
      this.status.appendChild(q);
    }
  };

  /* Even the shortest summary leaves the e-mail link too long: say so next to the notes
     (the one long field) when shorter notes would do, else above the buttons. Copying and
     downloading still work: they have no length limit. */
  RequestForm.prototype.showTooLong = function (request) {
    var T = this.text;
    var self = this;
    this.setStatus("");
    var fits = function (notes) {
      var shorter = Object.assign({}, request);
      delete shorter.notes;
      if (notes) shorter.notes = notes;
      return self.mail(shorter) !== null;
    };
    var notesText = request.notes || "";
    if (notesText && fits("")) {
      // The fewest characters to cut from the end of the notes (they only get shorter: a binary search).
      var low = 1;
      var high = notesText.length;
      while (low < high) {
        var middle = Math.floor((low + high) / 2);
        if (fits(clean(notesText.slice(0, notesText.length - middle), true))) high = middle;
        else low = middle + 1;
      }
      var notes = this.el("notes");
      this.showError({ key: notes.id, controls: [notes], message: format(T.msg_too_long, { n: low }) });
      notes.focus();
      return;
    }
    this.formError.textContent = T.msg_too_long_form;
    this.formError.hidden = false;
    this.formError.focus();
  };

  /* ---- the buttons ---------------------------------------------------------------- */

  RequestForm.prototype.send = function () {
    if (this.sending || !this.check()) return;
    var request = this.request();
    if (this.endpoint) this.post(request);
    else this.openMail(request);
  };

  RequestForm.prototype.openMail = function (request) {
    var mail = this.mail(request);
    if (!mail) {
      this.showTooLong(request);
      return;
    }
    this.setStatus(format(this.text.msg_mailto_opened, { email: this.email }),
      { href: mail.url, text: this.text.msg_mailto_again });
    var event = new CustomEvent("hk-request:mailto", { cancelable: true, detail: { url: mail.url } });
    if (this.form.dispatchEvent(event)) window.location.href = mail.url;
  };

  RequestForm.prototype.post = function (request) {
    var self = this;
    var T = this.text;
    var trap = this.el("website");
    if (trap && trap.value) {
      this.setStatus(T.msg_sent); // a robot filled the hidden field: say nothing useful to it
      return;
    }
    var payload = Object.assign({}, request, { _gotcha: "" });
    this.sending = true;
    this.form.setAttribute("aria-busy", "true");
    this.setStatus(T.msg_sending);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, 20000);
    fetch(this.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
      credentials: "omit",
      referrerPolicy: "no-referrer",
      signal: controller ? controller.signal : undefined,
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      self.setStatus(T.msg_sent);
    }).catch(function () {
      var mail = self.mail(request);
      var href = mail ? mail.url : self.mailtoUrl(T.mail_subject, "");
      self.setStatus(format(T.msg_send_failed, { email: self.email }), { href: href, text: T.msg_send_by_email });
    }).then(function () {
      if (timer) clearTimeout(timer);
      self.sending = false;
      self.form.removeAttribute("aria-busy");
    });
  };

  RequestForm.prototype.copy = function () {
    if (!this.check()) return;
    var self = this;
    var text = this.fullText(this.request());
    var done = function () {
      self.manualCopy.hidden = true;
      self.setStatus(format(self.text.msg_copied, { email: self.email }));
    };
    var fallback = function () {
      if (self.copyWithSelection(text)) done();
      else self.showManualCopy(text);
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  };

  /* For browsers without the asynchronous clipboard (or without permission). */
  RequestForm.prototype.copyWithSelection = function (text) {
    var button = this.form.querySelector("[data-hk-copy]");
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "hk-offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    area.remove();
    button.focus();
    return ok;
  };

  RequestForm.prototype.showManualCopy = function (text) {
    var area = this.manualCopy.querySelector("textarea");
    area.value = text;
    this.manualCopy.hidden = false;
    this.setStatus(format(this.text.msg_copy_manual, { email: this.email }));
    area.focus();
    area.select();
  };

  RequestForm.prototype.download = function () {
    if (!this.check()) return;
    var request = this.request();
    var name = this.fileName(request);
    var blob = new Blob([yamlLines(request).join("\n") + "\n"], { type: "application/yaml" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    this.setStatus(format(this.text.msg_downloaded, { file: name, email: this.email }));
  };

  Array.prototype.forEach.call(document.querySelectorAll("form[data-hk-request]"), function (form) {
    new RequestForm(form).start();
  });
})();
