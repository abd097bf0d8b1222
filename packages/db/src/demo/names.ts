import type { Rng, WeightedEntries } from './random.js';

/**
 * Chinese personal names for demo people and customers. Surnames are weighted roughly by how common they
 * are (王, 李, 张 and 刘 alone cover a fifth of the population), so a list of 40 engineers looks like a
 * real roster rather than an alphabet. Given names are one or two characters from common name stock.
 */
const SURNAMES: WeightedEntries<string> = [
  ['王', 72],
  ['李', 70],
  ['张', 68],
  ['刘', 54],
  ['陈', 46],
  ['杨', 31],
  ['黄', 24],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 15],
  ['马', 12],
  ['朱', 11],
  ['胡', 10],
  ['郭', 10],
  ['何', 9],
  ['林', 9],
  ['高', 9],
  ['罗', 8],
  ['郑', 8],
  ['梁', 7],
  ['谢', 6],
  ['宋', 6],
  ['唐', 6],
  ['许', 6],
  ['韩', 5],
  ['冯', 5],
  ['邓', 5],
  ['曹', 5],
  ['彭', 4],
  ['曾', 4],
  ['沈', 4],
  ['叶', 4],
  ['蒋', 4],
  ['潘', 3],
  ['钱', 3],
  ['俞', 3],
  ['方', 3],
  ['章', 3],
  ['金', 3],
  ['陆', 3],
  ['姚', 3],
  ['汪', 3],
  ['欧阳', 1],
  ['诸葛', 0.3],
];

const GIVEN_MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '超',
  '明',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '飞',
  '鑫',
  '波',
  '宇',
  '浩',
  '凯',
  '健',
  '俊',
  '帆',
  '帅',
  '旭',
  '宁',
  '龙',
  '林',
  '阳',
  '建',
  '国',
  '志',
  '海',
  '东',
  '晨',
  '博',
  '文',
  '立',
  '成',
];

const GIVEN_FEMALE = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '燕',
  '玲',
  '婷',
  '雪',
  '慧',
  '莹',
  '倩',
  '琳',
  '洁',
  '红',
  '颖',
  '萍',
  '佳',
  '欣',
  '怡',
  '梅',
  '丹',
  '月',
  '晓',
  '雯',
  '秀',
  '蕾',
];

export type Gender = 'male' | 'female';

export interface PersonName {
  surname: string;
  name: string;
  gender: Gender;
}

export function personName(rng: Rng, gender?: Gender): PersonName {
  const g: Gender = gender ?? (rng.chance(0.5) ? 'male' : 'female');
  const pool = g === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const surname = rng.weighted(SURNAMES);
  // About a third of people born since the 1980s have a single-character given name.
  const given = rng.chance(0.35) ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
  return { surname, name: surname + given, gender: g };
}

/** How a desk writes a contact who is not the account holder: 王先生 / 李女士. */
export function politeName(n: PersonName): string {
  return n.surname + (n.gender === 'male' ? '先生' : '女士');
}

/** Mobile number prefixes of the three carriers (segments in wide use). */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];

/** An 11-digit mainland mobile number. Distinctness is the caller's business (see UniquePhones). */
export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** Hands out mobile numbers never given before, so a phone search finds exactly one person. */
export class UniquePhones {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  next(): string {
    for (;;) {
      const n = mobileNumber(this.rng);
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
}
