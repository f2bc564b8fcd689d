// Names for the scale seed (a company with years of orders): plausible Chinese customer and product names drawn
// from small word lists by a seeded random source, so two runs with one seed build the same master data.

/** mulberry32: a small, fast, seeded random source (not for secrets). */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    /** One of the keys, with probability proportional to its weight. */
    weighted: <K extends string>(weights: readonly (readonly [K, number])[]): K => {
      const total = weights.reduce((n, w) => n + w[1], 0);
      let r = next() * total;
      for (const [k, w] of weights) if ((r -= w) < 0) return k;
      return weights[weights.length - 1][0];
    },
  };
}
export type Random = ReturnType<typeof randomSource>;

export const CITIES = [
  '广州',
  '深圳',
  '东莞',
  '佛山',
  '上海',
  '杭州',
  '苏州',
  '南京',
  '宁波',
  '无锡',
  '北京',
  '天津',
  '成都',
  '重庆',
  '武汉',
  '长沙',
  '郑州',
  '西安',
  '青岛',
  '济南',
  '厦门',
  '福州',
  '合肥',
  '南昌',
  '昆明',
  '南宁',
  '沈阳',
  '大连',
  '哈尔滨',
  '石家庄',
] as const;
const WORDS = [
  '安邦',
  '华信',
  '佳美',
  '恒通',
  '鑫源',
  '宏达',
  '永盛',
  '瑞丰',
  '金桥',
  '天和',
  '嘉禾',
  '盛世',
  '远航',
  '博雅',
  '新锐',
  '汇丰',
  '东方',
  '长城',
  '润发',
  '联创',
  '中兴',
  '泰康',
  '锦程',
  '万通',
  '德隆',
  '聚贤',
  '华美',
  '明辉',
  '正泰',
  '宝利',
  '隆昌',
  '福瑞',
  '和顺',
  '信达',
  '凯旋',
  '卓越',
  '益民',
  '创新',
  '兴旺',
  '海纳',
];
const TRADES = ['贸易', '商贸', '实业', '电子', '服饰', '家居', '百货', '科技', '供应链', '文具'];
const FORMS = ['有限公司', '有限公司', '股份有限公司', '商行'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '涛', '明', '超', '霞'];

export function customerName(r: Random, city: string) {
  return `${city}${r.pick(WORDS)}${r.pick(TRADES)}${r.pick(FORMS)}`;
}
export const personName = (r: Random) => `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.next() < 0.5 ? r.pick(GIVEN) : ''}`;
export const phone = (r: Random) => `1${r.int(30, 99)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;

const SEASONS = ['夏季', '冬季', '春秋', '经典', '轻奢', '商务', '休闲', '儿童', '户外', '加厚'];
const MATERIALS = ['纯棉', '真丝', '羊毛', '亚麻', '不锈钢', '陶瓷', '竹制', '皮革', '帆布', '硅胶', '玻璃', '实木'];
const ITEMS: readonly (readonly [string, string])[] = [
  ['外套', '件'],
  ['T 恤', '件'],
  ['衬衫', '件'],
  ['连衣裙', '件'],
  ['毛衣', '件'],
  ['长裤', '条'],
  ['围巾', '条'],
  ['双肩包', '个'],
  ['手提包', '个'],
  ['收纳袋', '套'],
  ['保温杯', '个'],
  ['餐具', '套'],
  ['茶杯', '个'],
  ['台灯', '台'],
  ['抱枕', '个'],
  ['床单', '套'],
  ['毛巾', '条'],
  ['拖鞋', '双'],
  ['运动鞋', '双'],
  ['帽子', '顶'],
  ['手套', '副'],
  ['袜子', '双'],
  ['雨伞', '把'],
  ['水壶', '个'],
  ['砧板', '块'],
  ['笔记本', '本'],
  ['钢笔', '支'],
  ['文件夹', '个'],
  ['相框', '个'],
  ['花瓶', '个'],
  ['地毯', '块'],
  ['窗帘', '幅'],
  ['衣架', '套'],
  ['脸盆', '个'],
  ['置物架', '个'],
  ['行李箱', '个'],
  ['钱包', '个'],
  ['腰带', '条'],
  ['睡衣', '套'],
  ['坐垫', '个'],
];
const SIZES = ['S', 'M', 'L', 'XL', '500ml', '1L', '大号', '中号', '小号', '三件套'];
const COLOURS = ['蓝色', '白色', '黑色', '灰色', '红色', '米色', '绿色', '粉色'];

export function productName(r: Random) {
  const [item, unit] = r.pick(ITEMS);
  return { name: `${r.pick(SEASONS)}${r.pick(MATERIALS)}${item}`, unit, spec: `${r.pick(SIZES)} / ${r.pick(COLOURS)}` };
}

export const COMPLAINT_TYPES = ['short', 'damage', 'wrong_item', 'quality', 'late'] as const;
export const RETURN_REASONS = ['quality', 'wrong_item', 'damage', 'changed_mind', 'other'] as const;
export const CARRIERS = ['顺丰速运', '中通快递', '德邦物流', '京东物流', '圆通速递'] as const;
