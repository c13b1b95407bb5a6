// Behaviour that templates would otherwise write inline (the Content-Security-Policy forbids that).
"use strict";

document.addEventListener("click", (event) => {
  // <button data-afdrukken>: print the page (letters and the intake summary).
  if (event.target.closest("[data-afdrukken]")) {
    window.print();
  }
});
