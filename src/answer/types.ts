// Placeholder types; the answer module owner replaces this file.
export interface AnswerSource { readonly articleId: string; readonly file: string; readonly title: string; readonly sentence: string; readonly start: number; readonly end: number; readonly score: number }
export interface AnswerResult { readonly answered: boolean; readonly answer: string; readonly sources: readonly AnswerSource[] }
export interface Turn { readonly question: string; readonly answer: AnswerResult }
export interface AskOptions { readonly preferArticleIds?: readonly string[]; readonly history?: readonly Turn[] }
export interface Answerer { ask(question: string, opts?: AskOptions): AnswerResult; readonly size: number }
