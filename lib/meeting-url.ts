import { z } from 'zod';

export const meetingUrlMessage = 'https:// で始まるURLを入力してください（例：https://zoom.us/j/1234567890）';

const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain });

/** Why a meeting link cannot be used, or undefined when it can. */
function meetingUrlProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'URLに空白が入っています。コピーし直して貼り付けてください';
  return httpsUrl.safeParse(value).success ? undefined : meetingUrlMessage;
}

/**
 * A meeting link she types or pastes (Zoom, Google Meet…), where an empty field means 「なし」:
 * https only, a real host name, no spaces. Used for a session type's default link, a booking's
 * link and a course lesson's link.
 */
export const optionalMeetingUrl = z
  .string()
  .trim()
  .max(500, 'URLは500文字までにしてください')
  .superRefine((value, ctx) => {
    const problem = value === '' ? undefined : meetingUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The same, required. */
export const meetingUrl = optionalMeetingUrl.refine((v) => v !== '', meetingUrlMessage);
