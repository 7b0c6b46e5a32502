// The theme leaves the left sidebar's first item (the book's title and logo) outside every landmark, so a
// screen reader's landmark list skips it (axe-core's "region" rule). Mark the whole sidebar as complementary.
document.addEventListener("DOMContentLoaded", () => {
  const sidebar = document.querySelector(".bd-sidebar-primary");
  if (sidebar && !sidebar.hasAttribute("role")) {
    sidebar.setAttribute("role", "complementary");
    sidebar.setAttribute("aria-label", "Book navigation");
  }
});
