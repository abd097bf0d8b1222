import type { SuspendReason } from '@daowei/domain';
import type { WeightedEntries } from './random.js';

/**
 * Reference data and the texts demo orders are written with: skills, tariffs, devices, and the short
 * notes desks and engineers type (fault symptoms, completion remarks, reasons). They are our own words,
 * in the register a Chinese broadband desk uses, so the demo reads like a real queue.
 */

export interface SkillDef {
  code: string;
  name: string;
  /** Certificate number prefix. */
  certPrefix: string;
}

export const SKILLS: readonly SkillDef[] = [
  { code: 'broadband_install', name: '宽带装机', certPrefix: 'KDZJ' },
  { code: 'fault_repair', name: '故障维修', certPrefix: 'GZWX' },
  { code: 'fttx_splicing', name: '光纤熔接', certPrefix: 'GXRJ' },
  { code: 'iptv', name: 'IPTV 调测', certPrefix: 'IPTV' },
  { code: 'enterprise_line', name: '政企专线', certPrefix: 'ZQZX' },
  { code: 'home_network', name: '家庭组网', certPrefix: 'JTZW' },
  { code: 'device_repair', name: '终端维修', certPrefix: 'ZDWX' },
];

export type ProductKind = 'broadband' | 'iptv' | 'enterprise_line';

/** What `WorkOrder.product` says for each kind; 宽带 is what isBroadbandProduct recognises. */
export const PRODUCT_NAMES: Readonly<Record<ProductKind, string>> = {
  broadband: '宽带',
  iptv: 'IPTV',
  enterprise_line: '政企专线',
};

export interface TariffDef {
  tariff: string;
  bandwidthMbps: number;
}

export const BROADBAND_TARIFFS: WeightedEntries<TariffDef> = [
  [{ tariff: '单宽带 100M 59元/月', bandwidthMbps: 100 }, 8],
  [{ tariff: '融合套餐 129元/月（300M）', bandwidthMbps: 300 }, 30],
  [{ tariff: '融合套餐 169元/月（500M）', bandwidthMbps: 500 }, 30],
  [{ tariff: '千兆融合 239元/月（1000M）', bandwidthMbps: 1000 }, 25],
  [{ tariff: '全屋千兆 299元/月（2000M）', bandwidthMbps: 2000 }, 7],
];

export const ENTERPRISE_TARIFFS: WeightedEntries<TariffDef> = [
  [{ tariff: '政企专线 50M 对称 1200元/月', bandwidthMbps: 50 }, 4],
  [{ tariff: '政企专线 100M 对称 2000元/月', bandwidthMbps: 100 }, 4],
  [{ tariff: '商务宽带 500M 399元/月', bandwidthMbps: 500 }, 2],
];

export const ACCESS_METHODS: WeightedEntries<string> = [
  ['FTTH', 88],
  ['FTTB+LAN', 9],
  ['FTTO', 3],
];

export const COOPERATION_MODES: WeightedEntries<string> = [
  ['自建自营', 70],
  ['合作共建', 20],
  ['小区代理', 10],
];

export const ONU_MODELS = ['华为 HG8145X6', '中兴 ZXHN F7607P', '烽火 HG6145F', '华为 EG8145V5', '中兴 ZXHN F650'];
export const STB_MODELS = ['创维 E900V22C', '华为 EC6110-T', '中兴 B860AV2.1', '烽火 HG680-KA'];
export const ROUTER_MODELS = ['TP-LINK TL-XDR3010', '华为 AX3 Pro', '小米 AX3000', '中兴 AX3000 巡天版'];

export const BROADBAND_FAULTS: WeightedEntries<string> = [
  ['无法上网，光猫 LOS 灯红色闪烁', 18],
  ['网速慢，测速只有 20M 左右（签约 300M）', 14],
  ['经常掉线，晚上尤其严重', 14],
  ['拨号失败，提示错误 691', 8],
  ['WiFi 信号弱，卧室连不上', 10],
  ['光猫无法开机，指示灯全灭', 6],
  ['上网时断时续，PON 灯闪烁', 12],
  ['楼道装修后断网，怀疑入户光缆被剪断', 5],
  ['打游戏延迟高，丢包严重', 6],
  ['固话和宽带同时不通', 4],
];

export const IPTV_FAULTS: WeightedEntries<string> = [
  ['电视无信号，机顶盒提示网络连接失败', 10],
  ['IPTV 画面卡顿、花屏', 10],
  ['机顶盒无法开机', 5],
  ['回看和点播无法使用', 5],
];

export const ENTERPRISE_FAULTS: WeightedEntries<string> = [
  ['专线中断，公司全部无法上网', 6],
  ['专线丢包，视频会议卡顿', 4],
];

export const COMPLAINTS: WeightedEntries<string> = [
  ['约好上门时间，工程师没来也没打电话', 10],
  ['报修两天了一直没人处理', 12],
  ['工程师服务态度差，装完不清理现场', 6],
  ['网速长期达不到签约速率', 10],
  ['资费与营业厅宣传不一致', 5],
  ['多次报修仍然反复断网', 10],
  ['装机拖了一周还没装好', 6],
];

export const CONSULTATIONS = [
  '咨询宽带提速办理方式和费用',
  '咨询所在小区能否办理千兆宽带',
  '咨询 IPTV 回看功能怎么用',
  '咨询搬家移机流程',
  '咨询光猫能否自行更换路由器',
  '咨询宽带到期续约优惠',
];

export const PAID_SERVICES = [
  '全屋 WiFi 组网（有偿服务）',
  '室内网线布线改造（有偿服务）',
  '路由器设置与调优（有偿服务）',
  '智能家居设备接入调试（有偿服务）',
];

export const INSPECTIONS = ['楼道光分箱年度安全检查', '小区光交接箱巡检', '用户侧设备及线路安全检查'];

export const CARE_VISITS = ['政企客户季度上门巡访', '独居老人宽带及电视使用关爱上门', 'VIP 客户定期网络体检'];

export const CARRY_INS = ['光猫送修：无法开机', '路由器送修：频繁重启', '机顶盒送修：开机卡在启动画面'];

export const CUSTOMER_MESSAGES = [
  '请下午上门，上午家里没人',
  '上门前请提前半小时电话联系',
  '家里有老人，请敲门后耐心等待',
  '小区门禁需要提前登记',
  '只有晚上 7 点以后在家',
  '周末上门最方便',
];

export const COMPLETION_REMARKS: Readonly<Record<string, readonly string[]>> = {
  install: [
    '完成光纤入户及光猫安装，测速达标，已教用户连接 WiFi',
    '入户光缆已布放，光功率 -19dBm，业务开通正常',
    '安装光猫和 IPTV 机顶盒，电视直播与回看测试正常',
    '利旧入户线，更换新光猫，测速正常，用户确认',
  ],
  fault: [
    '更换尾纤接头，光功率恢复正常，测速达标',
    '光猫故障，更换新光猫并回收旧设备，上网恢复',
    '入户光缆断点熔接，业务恢复',
    '调整 WiFi 信道并加装 AP，卧室信号正常',
    '用户侧路由器设置错误，已重置并指导用户',
    '分光器端口松动，重新插接后恢复',
  ],
  complaint: ['已与用户当面沟通，用户接受处理结果', '电话回复用户并致歉，用户表示理解'],
  inspection: ['检查完成，未发现隐患', '光分箱门锁损坏，已更换，设备完好', '发现箱体进水，已清理并做防水处理'],
  care_visit: ['上门巡访完成，网络与电视使用正常，已记录用户建议', '为用户清理设备灰尘，讲解使用注意事项'],
  carry_in: ['设备电源板故障，已更换，测试正常，通知用户取件', '固件升级后恢复正常，已通知用户取回'],
  consultation: ['已电话答复用户，用户无其他疑问', '已告知办理流程及资费，用户表示考虑后再办理'],
  paid_service: ['按报价完成施工，用户签字确认并付款', '组网完成，全屋测速达标，收费凭证已开具'],
};

export const COMPLAINT_SOLUTIONS = [
  '向用户致歉，当天重新上门处理，业务恢复',
  '核实套餐资费，为用户解释并申请差价返还',
  '更换入户光缆，速率达标，用户认可',
  '对责任工程师进行批评教育，已向用户道歉',
];

export const RETURN_REMARKS: Readonly<Record<string, readonly string[]>> = {
  address_not_covered: ['该楼栋暂无光纤覆盖，需后台核实', '地址在覆盖范围外，附近无分光箱'],
  needs_network_supplement: ['楼道分光箱端口已满，需增补分线箱', '入户距离超 250 米，需增补分线箱'],
  customer_cancelled: ['用户表示不需要了', '用户已办理其他运营商宽带'],
  duplicate: ['与已受理工单重复', '用户重复报障，已合并处理'],
  wrong_info: ['门牌号不存在，联系不上用户', '用户电话错误，地址不详'],
  not_my_area: ['地址不属于本站服务区域，请改派', '该小区由其他服务站负责'],
};

export const SUSPEND_REMARKS: Readonly<Record<SuspendReason, readonly string[]>> = {
  waiting_parts: ['光猫型号缺货，等待备件调拨', '机顶盒需更换，备件申请中'],
  waiting_third_party: ['需物业开通弱电井', '等待电力部门恢复楼道供电'],
  waiting_network_supplement: ['已提交增补分线箱申请，等待审批施工'],
  waiting_customer: ['用户出差，约定回来后再上门', '用户需先与房东确认布线'],
};

export const RESCHEDULE_REASONS = {
  customer: ['用户临时加班，改约晚上', '用户家中临时无人', '用户要求改到周末', '用户有事，另约时间'],
  us: ['前序工单超时，无法按时到达', '工程师车辆故障', '备件未到，需改约'],
} as const;

export const REOPEN_REASONS = ['回访时用户表示仍然断网', '用户对处理结果不满意', '回访发现速率仍不达标'];

export const CANCEL_REASONS = ['用户撤单', '重复受理', '用户已自行恢复', '用户暂不需要'];

export const CANNOT_RESOLVE = [
  '用户要求赔偿超出规定标准，已上报',
  '用户所在楼宇物业不允许施工，无法处理',
  '属于用户自购设备问题，已解释',
];

export const MISDISPATCH_REMARKS = ['该投诉属于资费问题，应转营业厅处理', '投诉对象为其他班组，请重新分派'];
