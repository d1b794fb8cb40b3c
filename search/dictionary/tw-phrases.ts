/**
 * Taiwan → mainland phrase folding (資訊 → 信息), applied after fold(), so both sides are written in
 * simplified characters here. Picked by hand from OpenCC's TWPhrasesRev (opencc-js 1.4.2), keeping
 * only pairs that
 * - have the same length (the replacement keeps offsets, so a snippet can mark 個人資訊 on the
 *   original for the query 个人信息), and
 * - keep their meaning in mainland text: the Taiwan form is not a mainland word with another
 *   meaning. Left out on purpose, for example: 资料→数据 (资料 is "materials" in mainland law),
 *   档案→文件 (档案法), 支援→支持, 专案→项目 (专案组), 启用→激活, 开启→打开, 序列→串行, 类比→模拟,
 *   批次→批量, 程序→进程.
 */
export const TW_PHRASES: readonly (readonly [taiwan: string, mainland: string])[] = [
  ["资讯", "信息"],
  ["个人资料", "个人信息"],
  ["网路", "网络"],
  ["软体", "软件"],
  ["硬体", "硬件"],
  ["韧体", "固件"],
  ["程式", "程序"],
  ["资料库", "数据库"],
  ["资料夹", "文件夹"],
  ["伺服器", "服务器"],
  ["数位", "数字"],
  ["视讯", "视频"],
  ["简讯", "短信"],
  ["讯息", "消息"],
  ["讯号", "信号"],
  ["列印", "打印"],
  ["印表机", "打印机"],
  ["滑鼠", "鼠标"],
  ["萤幕", "屏幕"],
  ["晶片", "芯片"],
  ["硬碟", "硬盘"],
  ["光碟", "光盘"],
  ["作业系统", "操作系统"],
  ["登入", "登录"],
  ["搜寻", "搜索"],
  ["骇客", "黑客"],
  ["宽频", "宽带"],
  ["频宽", "带宽"],
  ["防毒", "杀毒"],
  ["网咖", "网吧"],
  ["行动电话", "移动电话"],
  ["行动网路", "移动网络"],
  ["计程车", "出租车"],
  ["脚踏车", "自行车"],
  ["奈米", "纳米"],
  ["雷射", "激光"],
  ["积体电路", "集成电路"],
  ["机率", "概率"],
  ["爱滋病", "艾滋病"],
  ["义大利", "意大利"],
  ["纽西兰", "新西兰"],
  ["西元", "公元"],
];
