import { HoverPrefetchLink } from '@/components/layout/hover-prefetch-link';
import { invitations } from '@/lib/site-config';

/** The blog's standing invitations: newsletter, course and individual sessions. */
export function InvitationBlocks({
  headingLevel,
  sessionHref = '/sessions',
  newsletterForm,
}: {
  headingLevel: 2 | 3;
  sessionHref?: string;
  /** The sign-up form, shown above the link to /newsletter. */
  newsletterForm?: React.ReactNode;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="invitations">
      <section className="invitation">
        <H className="invitation__heading">{invitations.newsletter.heading}</H>
        {invitations.newsletter.body.map((p) => (
          <p key={p}>{p}</p>
        ))}
        {newsletterForm}
        <HoverPrefetchLink className={newsletterForm ? undefined : 'button button--secondary'} href="/newsletter">
          {invitations.newsletter.cta}
        </HoverPrefetchLink>
      </section>
      <section className="invitation">
        <H className="invitation__heading">{invitations.course.heading}</H>
        {invitations.course.body.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <HoverPrefetchLink className="button button--secondary" href="/courses">
          {invitations.course.cta}
        </HoverPrefetchLink>
      </section>
      <section className="invitation">
        <H className="invitation__heading">{invitations.session.heading}</H>
        <p>{invitations.session.lead}</p>
        <ul>
          {invitations.session.points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        {invitations.session.body.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <HoverPrefetchLink className="button button--secondary" href={sessionHref}>
          {invitations.session.cta}
        </HoverPrefetchLink>
      </section>
    </div>
  );
}
