// opencc-js ships its dictionaries as modules without type declarations: each is one string of
// "from to" entries separated by "|".
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
