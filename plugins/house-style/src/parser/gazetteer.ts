/**
 * A small gazetteer of place names as they appear in Chinese datelines, in simplified characters
 * (callers match on simplifyChars() output, so 臺北 and 台北 both hit 台北).
 *
 * Why: some datelines glue a reporter's name to the place (`中央社記者黃名璽台北5日電`) or carry a
 * place without an outlet (`北京11月26日电`); telling a name from a place needs real place names.
 * It also keeps place names such as 江苏 or 南京 from being read as people in credit lines.
 * Not exhaustive: provinces, capitals and major cities, Guizhou/黔西南, Taiwan, and world datelines.
 */

const CHINA = `北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东
海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 京 沪 津 渝
石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳 昆明 西安 兰州
西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 深圳 大连 青岛 宁波 厦门 苏州 无锡 常州 南通 徐州 扬州 温州 绍兴
嘉兴 金华 台州 泉州 漳州 烟台 潍坊 威海 临沂 淄博 洛阳 开封 宜昌 襄阳 岳阳 株洲 湘潭 衡阳 东莞 佛山
珠海 汕头 湛江 中山 惠州 三亚 绵阳 宜宾 泸州 南充 乐山 攀枝花 曲靖 大理 丽江 西双版纳 宝鸡 延安 咸阳
天水 酒泉 敦煌 包头 鄂尔多斯 桂林 柳州 北海 喀什 伊犁 克拉玛依 日喀则 林芝 雄安 保定 唐山 秦皇岛 邯郸
大同 鞍山 抚顺 丹东 锦州 吉林市 延边 大庆 齐齐哈尔 牡丹江 芜湖 蚌埠 黄山 安庆 九江 赣州 景德镇 井冈山
遵义 六盘水 安顺 毕节 铜仁 凯里 都匀 黔西南 黔东南 黔南 兴义 兴仁 安龙 贞丰 普安 晴隆 册亨 望谟 义龙
仁怀 赤水 清镇 盘州 威宁 织金 黔西 福泉 荔波 镇远 雷山 从江 榕江 黎平 施秉 锦屏`

const TAIWAN = `台北 新北 桃园 台中 台南 高雄 基隆 新竹 嘉义 苗栗 彰化 南投 云林 屏东 宜兰 花莲 台东 澎湖 金门 马祖 连江
板桥 淡水 中坜 阿里山 日月潭 垦丁 府城 竹北 斗六 太保 朴子`

const WORLD = `华盛顿 华府 纽约 洛杉矶 旧金山 芝加哥 波士顿 西雅图 休斯敦 休士顿 迈阿密 亚特兰大 檀香山 夏威夷 费城 底特律
达拉斯 丹佛 拉斯维加斯 圣迭戈 圣地牙哥 硅谷 多伦多 温哥华 渥太华 蒙特利尔 满地可 墨西哥城 墨西哥市 伦敦 巴黎
柏林 罗马 米兰 马德里 巴塞罗那 里斯本 布鲁塞尔 阿姆斯特丹 海牙 日内瓦 苏黎世 伯尔尼 达沃斯 维也纳 布拉格
华沙 布达佩斯 布加勒斯特 索非亚 贝尔格莱德 莫斯科 圣彼得堡 基辅 明斯克 雅典 斯德哥尔摩 奥斯陆 哥本哈根
赫尔辛基 雷克雅未克 都柏林 爱丁堡 曼彻斯特 慕尼黑 法兰克福 汉堡 斯特拉斯堡 梵蒂冈 摩纳哥 卢森堡
伊斯坦布尔 伊斯坦堡 安卡拉 德黑兰 巴格达 大马士革 贝鲁特 耶路撒冷 特拉维夫 加沙 安曼 开罗 利雅得 吉达
迪拜 杜拜 多哈 阿布扎比 科威特 马斯喀特 新德里 孟买 班加罗尔 伊斯兰堡 卡拉奇 喀布尔 达卡 加德满都 科伦坡
曼谷 清迈 河内 胡志明市 金边 万象 仰光 内比都 吉隆坡 新加坡 雅加达 巴厘岛 马尼拉 斯里巴加湾 东京 大阪
京都 横滨 名古屋 神户 福冈 札幌 冲绳 那霸 广岛 首尔 汉城 釜山 仁川 平壤 乌兰巴托 阿斯塔纳 阿拉木图 塔什干
比什凯克 杜尚别 阿什哈巴德 悉尼 雪梨 墨尔本 堪培拉 坎培拉 布里斯班 珀斯 伯斯 奥克兰 惠灵顿 内罗毕 约翰内斯堡
约翰尼斯堡 比勒陀利亚 开普敦 拉各斯 阿布贾 亚的斯亚贝巴 达喀尔 阿尔及尔 突尼斯 拉巴特 喀土穆 里约热内卢
圣保罗 巴西利亚 布宜诺斯艾利斯 利马 波哥大 圣地亚哥 哈瓦那 加拉加斯 基多 联合国 纽约联合国总部`

const COUNTRIES = `中国 美国 日本 韩国 朝鲜 俄罗斯 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 奥地利 瑞典
挪威 丹麦 芬兰 波兰 希腊 乌克兰 加拿大 墨西哥 巴西 阿根廷 智利 秘鲁 澳大利亚 澳洲 新西兰 纽西兰 印度
巴基斯坦 孟加拉国 越南 泰国 柬埔寨 老挝 缅甸 马来西亚 印尼 印度尼西亚 菲律宾 蒙古 哈萨克斯坦 以色列
巴勒斯坦 伊朗 伊拉克 叙利亚 黎巴嫩 约旦 沙特 土耳其 埃及 南非 尼日利亚 肯尼亚 埃塞俄比亚 古巴 委内瑞拉`

/** Every place, simplified. */
export const PLACES: ReadonlySet<string> = new Set(`${CHINA} ${TAIWAN} ${WORLD} ${COUNTRIES}`.split(/\s+/).filter(Boolean))

const LONGEST = Math.max(...[...PLACES].map((p) => p.length))

export function isPlace(simplified: string): boolean {
  return PLACES.has(simplified)
}

/**
 * The length of the longest known place that ends `simplified` while leaving at least `keep`
 * characters before it, or 0. `黄名玺台北` → 2 (台北), leaving the name 黄名玺.
 */
export function trailingPlaceLength(simplified: string, keep = 2): number {
  for (let k = Math.min(LONGEST, simplified.length - keep); k >= 2; k--) {
    if (PLACES.has(simplified.slice(simplified.length - k))) return k
  }
  return 0
}
