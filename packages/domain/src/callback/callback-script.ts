import type { Satisfaction } from '../kpi/kpi-facts.js';

/**
 * CB-02 回访话术: what the callback agent says and asks, in order, as data. The questions map to what
 * the outcome records (problem solved, satisfaction, root cause and suggestion when dissatisfied);
 * spot checks (CB-03) ask whether what the vendor reported matches what happened.
 */
export interface CallbackScriptLine {
  key: string;
  /** Only shown when the answer so far is dissatisfied. */
  whenDissatisfied?: boolean;
  text: { 'zh-CN': string; en: string };
}

export type CallbackScript = Readonly<Record<'satisfaction' | 'spot_check', readonly CallbackScriptLine[]>>;

export const DEFAULT_CALLBACK_SCRIPT: CallbackScript = {
  satisfaction: [
    {
      key: 'greeting',
      text: {
        'zh-CN': '您好,这里是服务回访中心,想占用您一分钟了解上次上门服务的情况,请问现在方便吗?',
        en: 'Hello, this is the service follow-up desk. May we take a minute to ask about our recent visit?',
      },
    },
    {
      key: 'problem_solved',
      text: {
        'zh-CN': '请问您反映的问题现在是否已经解决、使用正常?',
        en: 'Is the problem you reported solved, and is everything working now?',
      },
    },
    {
      key: 'satisfaction',
      text: {
        'zh-CN': '您对这次服务的评价是:非常满意、满意、一般,还是不满意?',
        en: 'How would you rate the service: very satisfied, satisfied, neutral or dissatisfied?',
      },
    },
    {
      key: 'root_cause',
      whenDissatisfied: true,
      text: {
        'zh-CN': '非常抱歉给您带来不便。请问主要是哪方面让您不满意?',
        en: 'We are sorry. What was it that disappointed you most?',
      },
    },
    {
      key: 'suggestion',
      whenDissatisfied: true,
      text: {
        'zh-CN': '您希望我们怎样改进?我们会安排人员尽快跟进处理。',
        en: 'What should we do better? Someone will follow up with you shortly.',
      },
    },
    {
      key: 'closing',
      text: { 'zh-CN': '感谢您的配合,祝您生活愉快,再见。', en: 'Thank you for your time. Goodbye.' },
    },
  ],
  spot_check: [
    {
      key: 'greeting',
      text: {
        'zh-CN': '您好,我们在核实近期的上门服务记录,想跟您确认几个情况。',
        en: 'Hello, we are checking our recent visit records and would like to confirm a few details.',
      },
    },
    {
      key: 'what_happened',
      text: {
        'zh-CN': '请问工程师是哪一天上门的?当时做了哪些工作?现在使用是否正常?',
        en: 'On which day did the engineer come, what was done, and is everything working now?',
      },
    },
    {
      key: 'closing',
      text: { 'zh-CN': '感谢您的配合,再见。', en: 'Thank you for your help. Goodbye.' },
    },
  ],
};

/** The lines to show for a task kind and the answer given so far. */
export function scriptLinesFor(
  script: CallbackScript,
  kind: keyof CallbackScript,
  satisfaction: Satisfaction | null,
): CallbackScriptLine[] {
  return script[kind].filter((l) => !l.whenDissatisfied || satisfaction === 'dissatisfied');
}
