import { describe, expect, it } from 'vitest';
import { keepStored, PERSONAL_FIELDS, personalValue, seesInFull, stillMasked } from './personal-fields';

describe('personal fields', () => {
  it('shows the consignee phone to the warehouse but masks the customer contact phone', () => {
    expect(personalValue(['warehouse'], 'consigneePhone', '13812345678')).toBe('13812345678');
    expect(personalValue(['warehouse'], 'contactPhone', '13812345678')).toBe('138****5678');
  });

  it('masks ID numbers for every role outside the table, and shows them to admins', () => {
    expect(personalValue(['finance'], 'idNumber', '110101199001011234')).toBe('1101**********1234');
    expect(personalValue(['admin'], 'idNumber', '110101199001011234')).toBe('110101199001011234');
  });

  it('keeps the start of an address and hides the rest for planners', () => {
    const masked = personalValue(['production_planner'], 'address', '广东省深圳市南山区科技园路1号');
    expect(masked).toMatch(/^广东省深圳市\*+$/);
    expect(personalValue(['logistics'], 'address', '广东省深圳市南山区科技园路1号')).toBe(
      '广东省深圳市南山区科技园路1号',
    );
  });

  it('leaves empty values empty', () => {
    expect(personalValue(['warehouse'], 'contactPhone', '')).toBe('');
    expect(personalValue(['warehouse'], 'contactPhone', null)).toBeNull();
  });

  it('names only known roles', () => {
    const known = ['sales_assistant', 'reviewer', 'sales_director', 'general_manager', 'finance', 'order_admin'];
    const all = [...known, 'production_planner', 'warehouse', 'logistics', 'customer_service', 'allocation_planner'];
    for (const roles of Object.values(PERSONAL_FIELDS)) for (const r of roles) expect(all).toContain(r);
    expect(seesInFull(['allocation_planner'], 'address')).toBe(false);
  });

  it('keeps the stored value for a mask sent back unchanged, and only then', () => {
    expect(keepStored(['warehouse'], 'contactPhone', '138****5678', '13812345678')).toBe('13812345678');
    expect(keepStored(['warehouse'], 'contactPhone', '138****0000', '13812345678')).toBe('138****0000');
    expect(keepStored(['sales_assistant'], 'contactPhone', '138****5678', '13812345678')).toBe('138****5678');
    expect(keepStored(['warehouse'], 'contactPhone', '13900000000', '13812345678')).toBe('13900000000');
  });

  it('calls a starred phone a mask for everyone, a starred address only for those shown masked addresses', () => {
    expect(stillMasked(['sales_assistant'], 'consigneePhone', '139****0000')).toBe(true);
    expect(stillMasked(['sales_assistant'], 'address', '3号楼*2单元')).toBe(false);
    expect(stillMasked(['production_planner'], 'address', '广东省深圳市****')).toBe(true);
    expect(stillMasked(['production_planner'], 'address', '广东省深圳市南山区')).toBe(false);
  });
});
