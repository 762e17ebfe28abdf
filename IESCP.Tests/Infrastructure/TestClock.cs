namespace IESCP.Tests.Infrastructure;

/// <summary>
/// A clock the test sets and moves (stands in for FakeTimeProvider, which the package registry
/// here lacks). It starts at a fixed, ordinary moment so dates in assertions are known.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private DateTimeOffset now = start;

    public TestClock() : this(DefaultStart)
    {
    }

    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (this)
        {
            now += by;
        }
    }

    public void Set(DateTimeOffset moment)
    {
        lock (this)
        {
            now = moment;
        }
    }
}
