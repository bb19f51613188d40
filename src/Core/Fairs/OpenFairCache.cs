using System.Collections.Concurrent;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Fairs;

/// <summary>What a registration needs to know about a fair.</summary>
public sealed record FairSeatTerms(long Id, FairKind Kind, FairState State, bool IsPublished, DateTime AttendeeWindowOpensAt,
    DateTime AttendeeWindowClosesAt, int AttendeeCapacity, string TicketSalt)
{
    public bool AttendeeWindowIsOpen(DateTime utcNow) => FairRules.WindowIsOpen(State, AttendeeWindowOpensAt, AttendeeWindowClosesAt, utcNow);
}

/// <summary>
/// Registration terms of open fairs, kept for a few seconds: a burst of registrations otherwise reads the same fair row for
/// every request. Only open fairs are kept, whose capacity, windows and salt no longer change; leaving the window is a
/// matter of time, which every caller checks against its own clock.
/// </summary>
public sealed class OpenFairCache(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<long, (FairSeatTerms Terms, long Until)> _open = new();

    public async Task<FairSeatTerms?> GetAsync(JobsDbContext db, long fairId, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_open.TryGetValue(fairId, out var kept) && now < kept.Until)
        {
            return kept.Terms;
        }

        var terms = await db.Fairs.AsNoTracking().Where(f => f.Id == fairId)
            .Select(f => new FairSeatTerms(f.Id, f.Kind, f.State, f.PublishedAt != null, f.AttendeeWindowOpensAt, f.AttendeeWindowClosesAt,
                f.AttendeeCapacity, f.TicketSalt))
            .SingleOrDefaultAsync(cancellationToken);
        if (terms is { State: FairState.Open })
        {
            _open[fairId] = (terms, now + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency));
        }
        else
        {
            _open.TryRemove(fairId, out _);
        }

        return terms;
    }
}
