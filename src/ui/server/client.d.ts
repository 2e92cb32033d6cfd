/**
 * The browser client's files (src/ui/client/), inlined as text by scripts/build.mjs: the
 * scripts and styles minified (whitespace only), the HTML as written.
 */
declare module '*.html' {
  const text: string;
  export default text;
}
declare module '*.css' {
  const text: string;
  export default text;
}
declare module '*/client/common.js' {
  const text: string;
  export default text;
}
declare module '*/client/sidebar.js' {
  const text: string;
  export default text;
}
declare module '*/client/schedule.js' {
  const text: string;
  export default text;
}
declare module '*/client/comment.js' {
  const text: string;
  export default text;
}
