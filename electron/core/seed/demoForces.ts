import type { Equipment, EquipmentType, Volunteer } from '../../../shared/domain/forces.ts';
import type { Depot } from '../../../shared/domain/resources.ts';
import { intBetween, pickSome, streamFor } from './prng.ts';
import type { RegionDistrict, RegionPack } from './regionPack.ts';

export const EQUIPMENT_PER_DISTRICT = 6;
export const VOLUNTEERS_PER_DISTRICT = 12;

/** What a district keeps: a type, its Chinese and English name, and a plausible rating range. */
const EQUIPMENT_KINDS: readonly { type: EquipmentType; name: string; nameEn: string; rating?: [number, number]; ratingUnit?: string }[] = [
  { type: 'pump', name: '移动排涝泵车', nameEn: 'Mobile drainage pump truck', rating: [300, 3000], ratingUnit: 'm³/h' },
  { type: 'generator', name: '应急发电车', nameEn: 'Emergency generator truck', rating: [100, 800], ratingUnit: 'kW' },
  { type: 'boat', name: '冲锋舟', nameEn: 'Assault boat', rating: [6, 12], ratingUnit: '人' },
  { type: 'vehicle', name: '应急指挥车', nameEn: 'Mobile command vehicle' },
  { type: 'drone', name: '侦察无人机', nameEn: 'Survey drone', rating: [25, 55], ratingUnit: 'min' },
  { type: 'lighting', name: '移动照明灯塔', nameEn: 'Mobile lighting tower', rating: [2, 8], ratingUnit: 'kW' },
  { type: 'communications', name: '卫星通信便携站', nameEn: 'Portable satellite terminal' },
  { type: 'medical', name: '医疗救护车', nameEn: 'Ambulance' },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '罗'];
const GIVEN = ['伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '建华', '晓东', '海燕', '志强'];
const VOLUNTEER_SKILLS = ['firstAid', 'driving', 'logistics', 'sheltering', 'psychologicalSupport', 'translation', 'radio', 'swimming', 'cooking', 'elderCare'] as const;
const EQUIPMENT_STATES_CYCLE: readonly Equipment['state'][] = ['ready', 'ready', 'ready', 'maintenance', 'ready', 'outOfService'];
const DEMO_INSPECTED = '2026-01-01T00:00:00.000Z';
const code6 = (code: string) => code.slice(0, 6);

function equipmentOf(district: RegionDistrict, districtIndex: number, depots: readonly Depot[], seed: number): Equipment[] {
  const random = streamFor(seed, `equipment:${district.code}`);
  const own = depots.filter((depot) => depot.districtCode === district.code);
  return Array.from({ length: EQUIPMENT_PER_DISTRICT }, (_, j) => {
    const kind = EQUIPMENT_KINDS[(districtIndex * EQUIPMENT_PER_DISTRICT + j) % EQUIPMENT_KINDS.length]!;
    const depot = own[j % Math.max(1, own.length)];
    const state = EQUIPMENT_STATES_CYCLE[(districtIndex + j) % EQUIPMENT_STATES_CYCLE.length]!;
    return {
      id: `demo-eq-${code6(district.code)}-${j + 1}`,
      name: `${district.name}${kind.name}`,
      nameEn: `${district.nameEn} ${kind.nameEn}`,
      type: kind.type,
      state,
      districtCode: district.code,
      ...(depot ? { depotId: depot.id } : {}),
      ...(kind.rating ? { rating: intBetween(random, kind.rating[0], kind.rating[1]), ratingUnit: kind.ratingUnit! } : {}),
      lastInspected: DEMO_INSPECTED,
      exercise: true,
    };
  });
}

function volunteersOf(district: RegionDistrict, pack: RegionPack, seed: number): Volunteer[] {
  const random = streamFor(seed, `volunteers:${district.code}`);
  const streets = pack.streets.filter((street) => street.districtCode === district.code);
  return Array.from({ length: VOLUNTEERS_PER_DISTRICT }, (_, j) => {
    const street = streets.length ? streets[intBetween(random, 0, streets.length - 1)] : undefined;
    const name = `${SURNAMES[intBetween(random, 0, SURNAMES.length - 1)]}${GIVEN[intBetween(random, 0, GIVEN.length - 1)]}`;
    return {
      id: `demo-vol-${code6(district.code)}-${String(j + 1).padStart(2, '0')}`,
      name,
      districtCode: district.code,
      ...(street ? { streetCode: street.code } : {}),
      skills: pickSome(random, VOLUNTEER_SKILLS, intBetween(random, 1, 3)),
      // One in twelve is away: the roster shows who cannot be called.
      status: j === VOLUNTEERS_PER_DISTRICT - 1 ? 'unavailable' as const : 'available' as const,
      exercise: true,
    };
  });
}

/** Demo equipment (held by the district's depots) and volunteer roster: invented, deterministic, exercise-marked. */
export function demoForces(pack: RegionPack, depots: readonly Depot[], seed: number): { equipment: Equipment[]; volunteers: Volunteer[] } {
  return {
    equipment: pack.districts.flatMap((district, i) => equipmentOf(district, i, depots, seed)),
    volunteers: pack.districts.flatMap((district) => volunteersOf(district, pack, seed)),
  };
}
