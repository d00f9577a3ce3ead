// The theme's script after the page content (Material's partials/javascripts/content.html), as a file so
// that the Content-Security-Policy needs no inline script: opens the content tab a link points to.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
