namespace Jobs.Core.Common;

/// <summary>
/// The platform's clock, cut to whole microseconds: PostgreSQL keeps times to the microsecond, so a time answered from
/// memory right after a write would otherwise differ in its last digit from the same time read back later. SQLite keeps
/// all seven digits; cutting on both keeps the two alike. Timers are the inner clock's.
/// </summary>
public sealed class MicrosecondClock(TimeProvider inner) : TimeProvider
{
    public static DateTimeOffset Cut(DateTimeOffset t) => new(t.Ticks - t.Ticks % 10, t.Offset);

    public override DateTimeOffset GetUtcNow() => Cut(inner.GetUtcNow());

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
