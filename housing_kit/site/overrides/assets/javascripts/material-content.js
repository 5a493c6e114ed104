// Material for MkDocs' inline script from partials/javascripts/content.html, as a file (see material-base.js).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
