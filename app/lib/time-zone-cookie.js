// Tells the server the browser's time zone, so that dates show in the reader's zone from the next
// page on. A plain script: visitors' pages load it as their only one, the app bundles it.
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && document.cookie.indexOf("tz=" + encodeURIComponent(zone)) < 0) {
    document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
  }
})();
