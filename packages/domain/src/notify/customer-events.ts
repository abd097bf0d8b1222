/**
 * INT-01: the moments a customer hears from us, and which facts each message may name. Templates are
 * kept per event, channel and language; the placeholders a template may use are listed here so an
 * edit naming an unknown one is refused before it reaches a customer as "{engineerNmae}".
 */
export const CUSTOMER_EVENTS = [
  'appointment_confirmed',
  'appointment_changed',
  'engineer_en_route',
  'visit_completed',
  'callback_promised',
  'ready_for_pickup',
] as const;
export type CustomerEvent = (typeof CUSTOMER_EVENTS)[number];

export const MESSAGE_CHANNELS = ['sms', 'email', 'wechat', 'webhook'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_LOCALES = ['zh-CN', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/** Facts every event may use, plus the ones only some events have. */
const COMMON = ['customerName', 'orderNo'] as const;
export const EVENT_PLACEHOLDERS: Record<CustomerEvent, readonly string[]> = {
  appointment_confirmed: [...COMMON, 'appointment', 'engineerName'],
  appointment_changed: [...COMMON, 'appointment', 'engineerName'],
  engineer_en_route: [...COMMON, 'engineerName', 'eta'],
  visit_completed: [...COMMON, 'engineerName'],
  callback_promised: [...COMMON, 'callbackAt'],
  ready_for_pickup: [...COMMON, 'receiptNo'],
};

export function isCustomerEvent(s: string): s is CustomerEvent {
  return (CUSTOMER_EVENTS as readonly string[]).includes(s);
}

export interface MessageTemplateText {
  /** E-mail only; other channels have no subject. */
  subject: string | null;
  body: string;
}

/** Our own default wording: plain and polite; a tenant replaces it with its own (a new version). */
const BODIES: Record<MessageLocale, Record<CustomerEvent, { subject: string; body: string }>> = {
  'zh-CN': {
    appointment_confirmed: {
      subject: '上门时间已约好（{orderNo}）',
      body: '{customerName}您好，您的服务单{orderNo}已约好在{appointment}上门，届时由工程师{engineerName}为您服务。时间如有变化，请随时联系我们。',
    },
    appointment_changed: {
      subject: '上门时间已调整（{orderNo}）',
      body: '{customerName}您好，您的服务单{orderNo}上门时间已调整为{appointment}。给您添麻烦了，如新的时间不方便，请联系我们再商量。',
    },
    engineer_en_route: {
      subject: '工程师已出发（{orderNo}）',
      body: '{customerName}您好，工程师{engineerName}已出发前往您处，预计{eta}左右到达（服务单{orderNo}）。请保持电话畅通，谢谢您。',
    },
    visit_completed: {
      subject: '服务已完成（{orderNo}）',
      body: '{customerName}您好，您的服务单{orderNo}已处理完成，感谢您的配合。我们之后可能会给您打个电话，听听您对这次服务的意见。',
    },
    callback_promised: {
      subject: '我们会给您回电（{orderNo}）',
      body: '{customerName}您好，关于您这次的来电（{orderNo}），我们会在{callbackAt}前给您回电，请留意来电，谢谢。',
    },
    ready_for_pickup: {
      subject: '设备已修好，可以取回（{orderNo}）',
      body: '{customerName}您好，您送修的设备已经修好，请凭取件单{receiptNo}到服务网点取回（服务单{orderNo}）。取件时我们会当面再为您测试一次。',
    },
  },
  en: {
    appointment_confirmed: {
      subject: 'Your visit is booked ({orderNo})',
      body: 'Hello {customerName}, the visit for your service order {orderNo} is booked for {appointment}; {engineerName} will come to you. If the time stops suiting you, just let us know.',
    },
    appointment_changed: {
      subject: 'Your visit has a new time ({orderNo})',
      body: 'Hello {customerName}, the visit for your service order {orderNo} now takes place {appointment}. We are sorry for the change; if the new time does not suit you, please contact us.',
    },
    engineer_en_route: {
      subject: 'Your engineer is on the way ({orderNo})',
      body: 'Hello {customerName}, {engineerName} is on the way to you and expects to arrive around {eta} (order {orderNo}). Please keep your phone at hand. Thank you.',
    },
    visit_completed: {
      subject: 'Your service is complete ({orderNo})',
      body: 'Hello {customerName}, the work on your service order {orderNo} is complete. Thank you for your help; we may call you shortly to hear how it went.',
    },
    callback_promised: {
      subject: 'We will call you back ({orderNo})',
      body: 'Hello {customerName}, about your call today ({orderNo}): we will call you back by {callbackAt}. Thank you.',
    },
    ready_for_pickup: {
      subject: 'Your device is ready ({orderNo})',
      body: 'Hello {customerName}, your device is repaired. Bring pickup slip {receiptNo} to the service counter to collect it (order {orderNo}); we will test it with you there.',
    },
  },
};

/** The shipped template of an event on a channel (e-mail has a subject, the others none). */
export function defaultTemplate(
  event: CustomerEvent,
  channel: MessageChannel,
  locale: MessageLocale,
): MessageTemplateText {
  const t = BODIES[locale][event];
  return { subject: channel === 'email' ? t.subject : null, body: t.body };
}
