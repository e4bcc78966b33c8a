// Keeps only the Bootstrap Italia rules whose classes appear in the portal's sources
// (Rust view code, static HTML): 90 KB → a fraction, gzipped, on every first visit.
// Classes the islands add at run time, or that only Bootstrap's own states use, are listed in
// the safelist.
module.exports = {
  content: ["app/src/**/*.rs", "public/**/*.html"],
  css: ["node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css"],
  defaultExtractor: (content) => content.match(/[A-Za-z0-9_-]+/g) || [],
  safelist: {
    standard: ["html", "body", "expanded", "active", "show", "focus--mouse", "sr-only"],
    deep: [/^it-header/, /^navbar/, /^it-footer/],
    greedy: [/data-bs-/, /aria-/],
  },
  fontFace: false,
  keyframes: true,
  variables: false,
};
