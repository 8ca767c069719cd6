import { Link } from 'react-router';

export interface NavItem {
  key: string;
  to: string;
  label: string;
}

/**
 * A row of links between the moderation views (reports, bans, log; open, resolved,
 * dismissed). Plain links, so each view has its own address and the back button works;
 * the current one is marked with aria-current.
 */
export function ModerationNav({ label, items, current }: { label: string; items: NavItem[]; current: string }) {
  return (
    <nav aria-label={label} className="subnav">
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to} aria-current={item.key === current ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
