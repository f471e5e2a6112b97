import { HoverPrefetchLink } from '@/components/layout/hover-prefetch-link';
import { SubscribeForm } from '@/components/newsletter/subscribe-form';
import { invitations } from '@/lib/site-config';

export type Invitation = 'newsletter' | 'course' | 'session';

function Block({ kind, heading, children }: { kind: Invitation; heading: string; children: React.ReactNode }) {
  return (
    <section className="invitation" aria-labelledby={`invitation-${kind}`}>
      <h2 id={`invitation-${kind}`} className="invitation__heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}

const paragraphs = (texts: readonly string[]) => texts.map((p) => <p key={p}>{p}</p>);

/**
 * The blog's standing invitations (newsletter, course, individual sessions), shown at the end of
 * the public library pages only: never on booking, checkout, portal, account, sign-in or admin
 * pages, where a sign-up form or a sales pitch would sit among a client's own business.
 * `omit` leaves out what the page already offers (an article and /newsletter have their own
 * subscribe form; /sessions and /courses need no link to themselves), so a page never carries
 * two subscribe forms.
 */
export function InvitationBlocks({ omit = [] }: { omit?: Invitation[] }) {
  const shown = (kind: Invitation) => !omit.includes(kind);
  return (
    <div className="invitations">
      {shown('newsletter') ? (
        <Block kind="newsletter" heading={invitations.newsletter.heading}>
          {paragraphs(invitations.newsletter.body)}
          <SubscribeForm idPrefix="invitation" label="メールマガジンの登録" />
          <HoverPrefetchLink href="/newsletter">{invitations.newsletter.cta}</HoverPrefetchLink>
        </Block>
      ) : null}
      {shown('course') ? (
        <Block kind="course" heading={invitations.course.heading}>
          {paragraphs(invitations.course.body)}
          <HoverPrefetchLink className="button button--secondary" href="/courses">
            {invitations.course.cta}
          </HoverPrefetchLink>
        </Block>
      ) : null}
      {shown('session') ? (
        <Block kind="session" heading={invitations.session.heading}>
          <p>{invitations.session.lead}</p>
          <ul>
            {invitations.session.points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {paragraphs(invitations.session.body)}
          <HoverPrefetchLink className="button button--secondary" href="/sessions">
            {invitations.session.cta}
          </HoverPrefetchLink>
        </Block>
      ) : null}
    </div>
  );
}
