namespace Jobs.Tests.Infrastructure;

/// <summary>
/// System time plus an offset a test can move forward. Timers stay on real time, so the search index's refresh and
/// Hangfire keep running while a test jumps a fair's deadlines.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    // Whole microseconds, as the platform's own clock (Jobs.Core.Common.MicrosecondClock).
    public override DateTimeOffset GetUtcNow() =>
        Jobs.Core.Common.MicrosecondClock.Cut(System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks)));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Moves the clock so that now is <paramref name="moment"/> (never backwards).</summary>
    public void MoveTo(DateTimeOffset moment)
    {
        var by = moment - GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            Advance(by);
        }
    }
}
