// html-validate for every page the crawl reaches (tests/crawl/test_every_page.py).
// The standard rules, relaxed only where they are about style rather than valid HTML and
// clash with GOV.UK Frontend's markup or with how Django renders templates.
module.exports = {
  extends: ["html-validate:standard"],
  rules: {
    // GOV.UK checkboxes share one name per question (`name="tasks"` on each box), which is
    // valid HTML and how a list is sent; the rule only allows shared names for radios.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
    // GOV.UK Frontend's start button and button-styled links are `<a role="button"
    // class="govuk-button">` (the Design System's pattern for a link that looks like a button),
    // and its notification banner is a `<div role="region">`; our table scroll regions
    // ({% scroll_region %}) follow the banner, so both read the same to a screen reader.
    "prefer-native-element": ["error", { exclude: ["button", "region"] }],
    // Django's template tags leave spaces on otherwise empty lines; whitespace between tags
    // is not significant and is not an HTML conformance error (the W3C checker ignores it).
    "no-trailing-whitespace": "off",
  },
};
