/**
 * DESK-04 话术: what staff say in recurring situations, as data per tenant. The defaults below are
 * our own plain, polite wording; a tenant replaces or extends them with its own words.
 * Placeholders in braces ({customerName}, {engineerName}, {appointment}, {orderNumber}) are filled
 * from the order by fillScript.
 */
export const SCRIPT_SITUATIONS = [
  'appointment_call',
  'arrival',
  'cause_explanation',
  'complaint_response',
  'tariff_speed_question',
  'uncovered_address',
  'network_supplement',
  'farewell',
] as const;
export type ScriptSituation = (typeof SCRIPT_SITUATIONS)[number];

/** Whose side a fault's cause is on; cause explanations differ by it. */
export const CAUSE_CATEGORIES = ['ours', 'customer_side', 'third_party', 'unknown'] as const;
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

export interface Script {
  id: string;
  situation: ScriptSituation;
  /** Only for cause explanations. */
  causeCategory?: CauseCategory;
  title: string;
  text: string;
}

export type ScriptLibrary = readonly Script[];

export const DEFAULT_SCRIPTS_ZH: ScriptLibrary = [
  {
    id: 'appointment-call',
    situation: 'appointment_call',
    title: '预约电话',
    text: '{customerName}您好，我是负责您这张单子（{orderNumber}）的工程师{engineerName}。想和您约一个上门时间，{appointment}您方便吗？如果不合适，您说一个时间，我尽量配合。',
  },
  {
    id: 'arrival',
    situation: 'arrival',
    title: '到达现场',
    text: '您好，我是来处理您报修问题的工程师{engineerName}，这是我的工作证。进门前我会套上鞋套，检查过程中有什么想法随时告诉我。',
  },
  {
    id: 'cause-ours',
    situation: 'cause_explanation',
    causeCategory: 'ours',
    title: '原因在我方',
    text: '经过检查，这次问题出在我们的设备（线路）上，给您添麻烦了，很抱歉。我现在就处理，处理好后会和您一起确认效果。',
  },
  {
    id: 'cause-customer-side',
    situation: 'cause_explanation',
    causeCategory: 'customer_side',
    title: '原因在客户侧',
    text: '检查下来，问题出在家里的设备或接线上，比如路由器或网线。我可以把情况和处理办法给您讲清楚，需要更换的话也会先把费用说明白，由您决定。',
  },
  {
    id: 'cause-third-party',
    situation: 'cause_explanation',
    causeCategory: 'third_party',
    title: '原因在第三方',
    text: '目前看，问题和其他单位的设施有关（例如物业或供电）。我们已经把情况记下来，会主动和对方联系，有进展第一时间告诉您，不需要您自己去跑。',
  },
  {
    id: 'cause-unknown',
    situation: 'cause_explanation',
    causeCategory: 'unknown',
    title: '原因暂未查明',
    text: '现在还没有找到确切原因，我不想随便下结论。我会继续排查，也会请同事一起分析，{appointment}前给您一个明确答复。',
  },
  {
    id: 'complaint-response',
    situation: 'complaint_response',
    title: '回应投诉',
    text: '{customerName}，您反映的情况我都记下了，让您不满意，真的很抱歉。这件事由我跟进到底，会在约定时间前把处理结果告诉您。',
  },
  {
    id: 'tariff-speed-question',
    situation: 'tariff_speed_question',
    title: '资费与网速问题',
    text: '关于资费和网速，我先帮您看一下现在的套餐和实际测速结果。套餐调整需要营业渠道办理，我可以把办理方式告诉您，避免您多跑一趟。',
  },
  {
    id: 'uncovered-address',
    situation: 'uncovered_address',
    title: '地址暂未覆盖',
    text: '很抱歉，您所在的地址目前还没有我们的网络覆盖。我们已经登记了您的需求，覆盖情况有变化时会主动通知您。',
  },
  {
    id: 'network-supplement',
    situation: 'network_supplement',
    title: '需要增补分线箱',
    text: '您家附近的线路需要先加装一个分线箱才能接入。我们已经提交了申请，预计{dueDate}前完成，期间有进展会及时告诉您。',
  },
  {
    id: 'farewell',
    situation: 'farewell',
    title: '离开告别',
    text: '今天的工作已经完成，现场也清理好了。之后如果有任何问题，随时联系我们。感谢您的配合，祝您生活愉快！',
  },
];

/** The scripts of one situation (and, for cause explanations, of one cause category when given). */
export function scriptsFor(library: ScriptLibrary, situation: ScriptSituation, cause?: CauseCategory): Script[] {
  return library.filter(
    (s) =>
      s.situation === situation && (cause === undefined || s.causeCategory === undefined || s.causeCategory === cause),
  );
}

/** Fills {placeholders}; an unknown or missing value leaves the placeholder visible so staff notice it. */
export function fillScript(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
