/** A dashboard card: a region named by its heading, with an optional line saying what it counts. */
export function DashboardSection({
  id,
  title,
  intro,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  intro?: React.ReactNode;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <section
      className={wide ? "card card--wide dashboard-section" : "card dashboard-section"}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="hint">{intro}</p> : null}
      {children}
    </section>
  );
}
