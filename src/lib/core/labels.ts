/** Swedish words for the format's fixed values. */
import type { Kind, Role, Status } from './vocabulary.ts';

export const KIND_LABEL: Record<Kind, string> = {
  agreement: 'Överenskommelse/avtal',
  grant: 'Beviljat stöd',
  partnership: 'Idéburet offentligt partnerskap (IOP)',
  application: 'Ansökan',
  report: 'Information/uppföljning',
};

export const STATUS_LABEL: Record<Status, string> = {
  proposed: 'Förslag till beslut',
  applied: 'Ansökt',
  decided: 'Beslutat',
  noted: 'Noterat (information)',
  rejected: 'Avslag',
  withdrawn: 'Återkallat',
};

export const ROLE_LABEL: Record<Role, string> = {
  owner: 'Ägare',
  recipient: 'Mottagare',
  partner: 'Partner',
  funder: 'Finansiär',
  applicant: 'Sökande',
};

/** What the `decided` date means for a status ("Beslutat", "Ansökan daterad" …). */
export function decidedLabel(status: Status): string {
  if (status === 'proposed') return 'Förslaget daterat';
  if (status === 'applied') return 'Ansökan daterad';
  return 'Beslutsdatum';
}
