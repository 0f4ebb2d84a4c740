/**
 * Seeded generator of realistic demo data: government departments, national systems with head
 * offices and subordinate units, and direct fleet buyers across every province, with contacts,
 * personal details and fleets. Pure: no database, so tests and the loader share it.
 */
import {
  ATTITUDE_VALUES,
  type ContactLevel,
  type BuyerType,
  type Grade,
  type Industry,
  type Lifecycle,
  type Source,
  type StaffRole,
  type ValueType,
  PURCHASE_ROLE_VALUES,
  SOURCE_VALUES,
  VALUE_TYPE_VALUES,
} from '../../shared/enums';
import { REGION_TREE, type RegionNode } from '../../shared/regions';
import { usccCheckChar } from '../../shared/uscc';
import { Random } from './random';

interface DemoStaff {
  name: string;
  role: StaffRole;
  phone: string;
  email: string;
}

interface DemoContact {
  name: string;
  title: string;
  department: string;
  level: ContactLevel;
  purchaseRole: (typeof PURCHASE_ROLE_VALUES)[number];
  attitude: (typeof ATTITUDE_VALUES)[number];
  phone: string;
  email: string | null;
  personal: { birthday: string; hometown: string; education: string; hobbies: string } | null;
}

export interface DemoAccount {
  /** Index of the head office in the generated list, for subordinate units. */
  parentIndex: number | null;
  name: string;
  uscc: string;
  aliases: { alias: string; kind: 'alias' | 'former' }[];
  buyerType: BuyerType;
  industry: Industry;
  provinceCode: string;
  cityCode: string;
  districtCode: string | null;
  address: string;
  grade: Grade;
  valueType: ValueType;
  lifecycle: Lifecycle;
  source: Source;
  ownerIndex: number;
  notes: string | null;
  fleet: { brand: string; model: string; count: number; year: number }[];
  contacts: DemoContact[];
  createdAt: string;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文斌波辉宇鹏飞浩然欣怡晨阳子涵思远海燕立新春雨佳琪俊峰晓东'.split(
    '',
  );

const GOV_DEPTS: { name: string; industry: Industry; short: string }[] = [
  { name: '公安局', industry: 'public_security', short: '公安' },
  { name: '人民法院', industry: 'public_security', short: '法院' },
  { name: '人民检察院', industry: 'public_security', short: '检察院' },
  { name: '财政局', industry: 'party_government', short: '财政' },
  { name: '交通运输局', industry: 'party_government', short: '交通' },
  { name: '市场监督管理局', industry: 'party_government', short: '市监' },
  { name: '生态环境局', industry: 'party_government', short: '环保' },
  { name: '应急管理局', industry: 'party_government', short: '应急' },
  { name: '城市管理局', industry: 'party_government', short: '城管' },
  { name: '自然资源和规划局', industry: 'party_government', short: '自然资源' },
  { name: '卫生健康委员会', industry: 'healthcare', short: '卫健委' },
  { name: '教育局', industry: 'education', short: '教育' },
  { name: '水利局', industry: 'water', short: '水利' },
  { name: '农业农村局', industry: 'party_government', short: '农业' },
  { name: '民政局', industry: 'party_government', short: '民政' },
  { name: '司法局', industry: 'public_security', short: '司法' },
  { name: '机关事务管理局', industry: 'party_government', short: '机关事务' },
  { name: '政府采购中心', industry: 'procurement_dept', short: '采购中心' },
];

const SYSTEMS: {
  head: (p: string) => string;
  unit: (p: string, c: string) => string;
  industry: Industry;
  short: string;
}[] = [
  {
    head: (p) => `中国石油天然气股份有限公司${p}销售分公司`,
    unit: (_p, c) => `中国石油天然气股份有限公司${c}销售分公司`,
    industry: 'oil',
    short: '中石油',
  },
  {
    head: (p) => `中国石化销售股份有限公司${p}石油分公司`,
    unit: (_p, c) => `中国石化销售股份有限公司${c}石油分公司`,
    industry: 'oil',
    short: '中石化',
  },
  {
    head: (p) => `中国工商银行股份有限公司${p}分行`,
    unit: (_p, c) => `中国工商银行股份有限公司${c}分行`,
    industry: 'banking',
    short: '工行',
  },
  {
    head: (p) => `中国建设银行股份有限公司${p}分行`,
    unit: (_p, c) => `中国建设银行股份有限公司${c}分行`,
    industry: 'banking',
    short: '建行',
  },
  {
    head: (p) => `国网${p}电力公司`,
    unit: (_p, c) => `国网${c}供电公司`,
    industry: 'power',
    short: '国网',
  },
  {
    head: (p) => `中国邮政集团有限公司${p}分公司`,
    unit: (_p, c) => `中国邮政集团有限公司${c}分公司`,
    industry: 'post',
    short: '邮政',
  },
  {
    head: (p) => `中国移动通信集团${p}有限公司`,
    unit: (p, c) => `中国移动通信集团${p}有限公司${c}分公司`,
    industry: 'telecom',
    short: '移动',
  },
  {
    head: (p) => `${p}公安厅`,
    unit: (_p, c) => `${c}公安局交通警察支队`,
    industry: 'public_security',
    short: '公安',
  },
  {
    head: (p) => `${p}税务局`,
    unit: (_p, c) => `国家税务总局${c}税务局`,
    industry: 'tax',
    short: '税务',
  },
];

const DIRECT_WORDS =
  '顺达 安达 恒通 鸿运 金桥 华信 远航 瑞丰 宏图 锦程 天成 永安 泰和 东方 长城 新世纪 之江 海联 蓝天 众诚 合力 嘉禾 盛世 通达 鑫源 佳运 万里 星辰 鼎盛 汇丰'.split(
    ' ',
  );
const DIRECT_KINDS: { suffix: string; industry: Industry; short: string }[] = [
  { suffix: '汽车租赁有限公司', industry: 'rental', short: '租赁' },
  { suffix: '客运有限公司', industry: 'passenger_transport', short: '客运' },
  { suffix: '旅游集团有限公司', industry: 'tourism', short: '旅游' },
  { suffix: '物流有限公司', industry: 'private_enterprise', short: '物流' },
  { suffix: '建设集团有限公司', industry: 'state_enterprise', short: '建设' },
  { suffix: '实业有限公司', industry: 'private_enterprise', short: '实业' },
  { suffix: '电子科技（中国）有限公司', industry: 'foreign_enterprise', short: '电子' },
  { suffix: '水务集团有限公司', industry: 'water', short: '水务' },
  { suffix: '出租汽车有限公司', industry: 'passenger_transport', short: '出租' },
  { suffix: '医药股份有限公司', industry: 'private_enterprise', short: '医药' },
];

const FLEET_MODELS: [string, string][] = [
  ['大众', '帕萨特'],
  ['大众', '朗逸'],
  ['丰田', '凯美瑞'],
  ['丰田', '汉兰达'],
  ['本田', '雅阁'],
  ['别克', 'GL8'],
  ['红旗', 'H5'],
  ['红旗', 'HS5'],
  ['比亚迪', '汉'],
  ['比亚迪', '秦PLUS'],
  ['哈弗', 'H6'],
  ['五菱', '宏光'],
  ['日产', '轩逸'],
  ['奥迪', 'A6L'],
  ['长安', 'CS75'],
  ['吉利', '博越'],
  ['江铃', '全顺'],
  ['金杯', '海狮'],
  ['宇通', 'ZK6119'],
  ['福田', '图雅诺'],
];

const GOV_TITLES: readonly (readonly [string, ContactLevel])[] = [
  ['局长', 'decision'],
  ['副局长', 'decision'],
  ['办公室主任', 'management'],
  ['装备财务科科长', 'management'],
  ['车管科科长', 'management'],
  ['驾驶员', 'operational'],
  ['采购专员', 'operational'],
];
const ENT_TITLES: readonly (readonly [string, ContactLevel])[] = [
  ['总经理', 'decision'],
  ['副总经理', 'decision'],
  ['行政部经理', 'management'],
  ['车队队长', 'management'],
  ['采购经理', 'management'],
  ['财务主管', 'management'],
  ['调度员', 'operational'],
];
const DEPARTMENTS = ['办公室', '装备财务科', '后勤保障处', '行政部', '车队', '采购部', '财务部'];
const HOMETOWNS = [
  '湖南长沙',
  '四川成都',
  '山东济南',
  '河南郑州',
  '江苏南京',
  '浙江温州',
  '湖北武汉',
  '安徽合肥',
];
const EDUCATION = ['本科', '硕士', '大专', 'MBA', '博士'];
const HOBBIES = ['钓鱼', '羽毛球', '书法', '摄影', '登山', '围棋', '茶艺', '跑步'];
const STREETS = [
  '人民路',
  '解放路',
  '中山路',
  '建设大道',
  '文化路',
  '长江路',
  '黄河路',
  '新华街',
  '和平路',
  '迎宾大道',
];

function personName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '');
}

function mobile(r: Random): string {
  return `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
}

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(r: Random, kind: 'gov' | 'enterprise', regionCode: string): string {
  const head = kind === 'gov' ? '11' : '91';
  let body = '';
  for (let i = 0; i < 9; i++) body += r.pick(USCC_BODY.split(''));
  const first17 = head + regionCode + body;
  return first17 + usccCheckChar(first17);
}

function cityShort(name: string): string {
  return name.replace(/(市|地区|盟|自治州|省|自治区|特别行政区|壮族|回族|维吾尔)$/u, '');
}

interface Place {
  province: RegionNode;
  city: RegionNode;
  district: RegionNode | null;
}

function places(): Place[] {
  const out: Place[] = [];
  for (const province of REGION_TREE)
    for (const city of province.children ?? [])
      out.push(
        { province, city, district: null },
        ...(city.children ?? []).slice(0, 6).map((d) => ({ province, city, district: d })),
      );
  return out;
}

function cityLabel(p: Place): string {
  // Municipalities list their districts under 市辖区: the city is the province then.
  return p.city.name === '市辖区' || p.city.name === '县' ? p.province.name : p.city.name;
}

export function demoStaff(): DemoStaff[] {
  return [
    { name: '张经理', role: 'manager', phone: '13800000001', email: 'zhang.manager@example.cn' },
    { name: '系统管理员', role: 'admin', phone: '13800000002', email: 'admin@example.cn' },
    { name: '李明', role: 'specialist', phone: '13800000003', email: 'li.ming@example.cn' },
    { name: '王芳', role: 'specialist', phone: '13800000004', email: 'wang.fang@example.cn' },
    { name: '陈伟', role: 'specialist', phone: '13800000005', email: 'chen.wei@example.cn' },
    { name: '刘洋', role: 'specialist', phone: '13800000006', email: 'liu.yang@example.cn' },
    { name: '赵静', role: 'specialist', phone: '13800000007', email: 'zhao.jing@example.cn' },
  ];
}

export function generateDemoAccounts(count: number, seed = 20261122): DemoAccount[] {
  const r = new Random(seed);
  const all = places();
  const specialists = demoStaff().flatMap((s, i) => (s.role === 'specialist' ? [i] : []));
  const indexByName = new Map<string, number>();
  const usccs = new Set<string>();
  const accounts: DemoAccount[] = [];
  const start = Date.parse('2023-12-01T00:00:00Z');
  const span = Date.parse('2026-11-15T00:00:00Z') - start;

  const contactsFor = (gov: boolean, domain: string | null): DemoContact[] =>
    Array.from(
      {
        length: r.weighted([
          [1, 3],
          [2, 4],
          [3, 3],
          [4, 1],
        ] as const),
      },
      () => {
        const [title, level] = r.pick(gov ? GOV_TITLES : ENT_TITLES);
        const name = personName(r);
        return {
          name,
          title,
          department: r.pick(DEPARTMENTS),
          level,
          purchaseRole: level === 'decision' ? 'decision_maker' : r.pick(PURCHASE_ROLE_VALUES),
          attitude: r.weighted([
            ['supporter', 3],
            ['neutral', 4],
            ['opponent', 1],
            ['unknown', 2],
          ] as const),
          phone: mobile(r),
          email: domain && r.chance(0.5) ? `user${r.int(100, 9999)}@${domain}` : null,
          personal: r.chance(0.3)
            ? {
                birthday: `${r.int(1962, 1995)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
                hometown: r.pick(HOMETOWNS),
                education: r.pick(EDUCATION),
                hobbies: `${r.pick(HOBBIES)}、${r.pick(HOBBIES)}`,
              }
            : null,
        };
      },
    );

  const fleetFor = (scale: number) =>
    Array.from({ length: r.int(0, 4) }, () => {
      const [brand, model] = r.pick(FLEET_MODELS);
      return { brand, model, count: r.int(1, 12 * scale), year: r.int(2012, 2026) };
    });

  const add = (
    a: Omit<
      DemoAccount,
      'uscc' | 'grade' | 'valueType' | 'lifecycle' | 'source' | 'ownerIndex' | 'createdAt' | 'notes'
    >,
    kind: 'gov' | 'enterprise',
  ): number | null => {
    if (indexByName.has(a.name)) return null;
    let code = uscc(r, kind, a.districtCode ?? a.cityCode);
    while (usccs.has(code)) code = uscc(r, kind, a.districtCode ?? a.cityCode);
    indexByName.set(a.name, accounts.length);
    usccs.add(code);
    const lifecycle = r.weighted([
      ['prospect', 4],
      ['target', 3],
      ['won', 2],
      ['retained', 2],
    ] as const);
    accounts.push({
      ...a,
      uscc: code,
      grade: r.weighted([
        ['A', 2],
        ['B', 4],
        ['C', 4],
      ] as const),
      valueType: r.pick(VALUE_TYPE_VALUES),
      lifecycle,
      source:
        a.buyerType === 'government'
          ? r.weighted([
              ['finance_budget', 4],
              ['procurement_site', 3],
              ['procurement_centre', 2],
              ['staffing_office', 1],
            ] as const)
          : r.pick(SOURCE_VALUES),
      ownerIndex: r.pick(specialists),
      notes:
        lifecycle === 'retained' && r.chance(0.5) ? '老客户，每年有更新需求，注意维护关系。' : null,
      createdAt: new Date(start + Math.floor(r.next() * span)).toISOString(),
    });
    return accounts.length - 1;
  };

  let guard = 0;
  while (accounts.length < count && guard++ < count * 50) {
    const place = r.pick(all);
    const city = cityLabel(place);
    const where = place.district ? city + place.district.name : city;
    const base = {
      provinceCode: place.province.code,
      cityCode: place.city.code,
      districtCode: place.district?.code ?? null,
      address: `${place.province.name}${place.city.name === '市辖区' ? '' : place.city.name}${place.district?.name ?? ''}${r.pick(STREETS)}${r.int(1, 999)}号`,
    };
    const kind = r.weighted([
      ['government', 40],
      ['system', 20],
      ['direct', 40],
    ] as const);
    if (kind === 'government') {
      const dept = r.pick(GOV_DEPTS);
      add(
        {
          ...base,
          parentIndex: null,
          name: `${where}${dept.name}`,
          aliases: r.chance(0.4)
            ? [{ alias: `${cityShort(place.district?.name ?? city)}${dept.short}`, kind: 'alias' }]
            : [],
          buyerType: 'government',
          industry: dept.industry,
          fleet: fleetFor(2),
          contacts: contactsFor(true, null),
        },
        'gov',
      );
    } else if (kind === 'system') {
      const sys = r.pick(SYSTEMS);
      const headName = sys.head(place.province.name);
      const provincePlace = {
        ...base,
        districtCode: null,
        cityCode: place.province.children?.[0]?.code ?? place.city.code,
      };
      let head: number | null = indexByName.get(headName) ?? null;
      if (head === null)
        head = add(
          {
            ...provincePlace,
            parentIndex: null,
            name: headName,
            aliases: [{ alias: `${sys.short}${cityShort(place.province.name)}`, kind: 'alias' }],
            buyerType: 'system',
            industry: sys.industry,
            fleet: fleetFor(6),
            contacts: contactsFor(
              sys.industry === 'public_security' || sys.industry === 'tax',
              null,
            ),
          },
          sys.industry === 'public_security' || sys.industry === 'tax' ? 'gov' : 'enterprise',
        );
      if (head === null || place.city.name === '市辖区') continue;
      add(
        {
          ...base,
          districtCode: null,
          parentIndex: head,
          name: sys.unit(place.province.name, city),
          aliases: [],
          buyerType: 'system',
          industry: sys.industry,
          fleet: fleetFor(3),
          contacts: contactsFor(sys.industry === 'public_security' || sys.industry === 'tax', null),
        },
        sys.industry === 'public_security' || sys.industry === 'tax' ? 'gov' : 'enterprise',
      );
    } else {
      const k = r.pick(DIRECT_KINDS);
      const word = r.pick(DIRECT_WORDS);
      const short = cityShort(city);
      const name = `${short}${word}${k.suffix}`;
      const former = r.chance(0.08)
        ? [{ alias: `${short}${word}${k.short}有限责任公司`, kind: 'former' as const }]
        : [];
      add(
        {
          ...base,
          parentIndex: null,
          name,
          aliases: [{ alias: `${word}${k.short}`, kind: 'alias' }, ...former],
          buyerType: 'direct',
          industry: k.industry,
          fleet: fleetFor(k.industry === 'rental' || k.industry === 'passenger_transport' ? 8 : 2),
          contacts: contactsFor(false, `${word.length > 0 ? 'corp' + r.int(10, 99) : 'corp'}.cn`),
        },
        'enterprise',
      );
    }
  }
  return accounts;
}
