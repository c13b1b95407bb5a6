// Django's filter_horizontal widget (SelectFilter2) labels its search icon, a <span>, with aria-label,
// which ARIA does not allow on an element without a role (axe: aria-prohibited-attr). The icon is an
// image with a name; say so once the widget has been built (it builds itself on "load").
window.addEventListener("load", function () {
  document.querySelectorAll(".selector .help-tooltip[aria-label]:not([role])").forEach(function (icoon) {
    icoon.setAttribute("role", "img");
  });
});
