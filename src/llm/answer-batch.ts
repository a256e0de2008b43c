import type { AnswerResult, Answerer, Turn } from '../answer/types.ts';
import type { AsyncAnswerer } from './llm-answerer.ts';

/**
 * A thread of questions answered as a batch (`npm run ask --questions`). Each question's
 * context is the thread's earlier turns as the retrieval answerer read them: computed in
 * order, synchronously and fast, so the slow model calls need not wait for each other and
 * go out at once (the chat client keeps at most its concurrency limit in flight). A model
 * answer therefore never feeds the next question's context; the retrieval answers do,
 * exactly as without a model.
 */
export function answerThread(
  questions: readonly string[],
  base: Answerer,
  answerer: AsyncAnswerer,
  historyTurns: number,
): Promise<AnswerResult>[] {
  const turns: Turn[] = [];
  return questions.map((question) => {
    const history = turns.slice(-historyTurns);
    turns.push({ question, answer: base.ask(question, { history }) });
    return answerer.ask(question, { history });
  });
}
