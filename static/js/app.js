// Behaviour that templates would otherwise write inline (the Content-Security-Policy forbids that).
"use strict";

document.addEventListener("click", (event) => {
  // <button data-afdrukken>: print the page (letters and the intake summary).
  if (event.target.closest("[data-afdrukken]")) {
    window.print();
  }
});

// <input type="checkbox" data-kies-alle="naam">: ticks or unticks every checkbox `naam` of its form,
// and shows whether all, some or none of them are ticked. The HTML hides it inside [data-met-script]:
// without this script it would do nothing, so only the script shows it.
const vakjesVan = (kiesAlle) =>
  kiesAlle.form.querySelectorAll(`input[type="checkbox"][name="${CSS.escape(kiesAlle.dataset.kiesAlle)}"]`);

const toonStand = (kiesAlle) => {
  const vakjes = [...vakjesVan(kiesAlle)];
  const aangevinkt = vakjes.filter((vakje) => vakje.checked).length;
  kiesAlle.checked = vakjes.length > 0 && aangevinkt === vakjes.length;
  kiesAlle.indeterminate = aangevinkt > 0 && aangevinkt < vakjes.length;
};

for (const kiesAlle of document.querySelectorAll("[data-kies-alle]")) {
  kiesAlle.closest("[data-met-script]")?.removeAttribute("hidden");
  toonStand(kiesAlle); // the browser may restore ticks on "back"
}

document.addEventListener("change", (event) => {
  const doel = event.target;
  if (doel.matches("[data-kies-alle]")) {
    for (const vakje of vakjesVan(doel)) {
      vakje.checked = doel.checked;
    }
  } else if (doel.form && doel.type === "checkbox") {
    for (const kiesAlle of doel.form.querySelectorAll("[data-kies-alle]")) {
      toonStand(kiesAlle);
    }
  }
});
