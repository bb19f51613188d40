using Jobs.Core.Storage;

namespace Jobs.Core.Fairs;

/// <summary>A graduate (or a team's leader) asking for a place at a fair.</summary>
public sealed record SeatClaim(long FairId, string TicketSalt, int Capacity, long UserId, TeamEntry? Team, DateTime Now);

public sealed record TeamEntry(string TeamName, string ProjectName, string? ProjectSummary, IReadOnlyList<TeamMember> Members);

/// <summary>The stored registration; <see cref="Created"/> is false when the person already had one.</summary>
public sealed record SeatOutcome(FairRegistration Registration, bool Created, int? WaitlistPosition);

/// <summary>
/// What a cancellation did: the cancelled registration (null if there was none) and whoever it promoted at once. A checked-in
/// registration is not cancelled: <see cref="CheckedIn"/> is set and nothing changed.
/// </summary>
public sealed record SeatRelease(FairRegistration? Cancelled, FairRegistration? Promoted, bool CheckedIn = false);

/// <summary>
/// Decides who gets a seat. Every implementation gives seats strictly in arrival order up to the capacity, waitlists the rest
/// in the same order, keeps one registration per person, and has stored the outcome before it returns it, so an answered
/// request is never lost. Without Redis the database's write lock decides (<see cref="DatabaseSeatControl"/>); with Redis a Lua
/// script does, atomically across processes, and the database records its decisions.
/// </summary>
public interface IFairSeatControl
{
    Task<SeatOutcome> ClaimAsync(SeatClaim claim, CancellationToken cancellationToken);

    Task<SeatRelease> ReleaseAsync(long fairId, string ticketSalt, long userId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Brings the database in line with decisions whose request died half way; returns how many rows it fixed.</summary>
    Task<int> ReconcileAsync(long fairId, string ticketSalt, DateTime now, CancellationToken cancellationToken);

    /// <summary>Drops any state kept outside the database once a fair no longer takes registrations.</summary>
    Task ForgetAsync(long fairId, CancellationToken cancellationToken);
}

/// <summary>
/// Seat decisions inside one write transaction each: the database's write lock (SQLite's IMMEDIATE transaction, PostgreSQL's
/// advisory write lock, <see cref="Storage.PostgresWriteLock"/>) serialises them across processes that share the database. Within a process a gate queues them first, so the processes contend for the lock and not
/// every request; SQLite's own busy handler (short sleeps) waits for the other process.
/// </summary>
public sealed class DatabaseSeatControl(FairRegistrationStore store) : IFairSeatControl
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<SeatOutcome> ClaimAsync(SeatClaim claim, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            await using var transaction = await store.BeginAsync(connection, cancellationToken);
            var existing = await store.FindAsync(connection, transaction, claim.FairId, claim.UserId, cancellationToken);
            if (existing is { Status: not RegistrationStatus.Cancelled })
            {
                var position = await store.WaitlistPositionAsync(connection, transaction, existing, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new SeatOutcome(existing, false, position);
            }

            var (lastSeq, registered, waitlisted) = await store.CountersAsync(connection, transaction, claim.FairId, cancellationToken);
            var seq = lastSeq + 1;
            var seated = registered < claim.Capacity;
            var registration = FairRegistrationStore.NewRegistration(claim, existing?.Id ?? 0, seq,
                seated ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted);
            await store.SaveAsync(connection, transaction, registration, cancellationToken, keepsCounters: true);
            await store.SetCountersAsync(connection, transaction, claim.FairId, seq, registered + (seated ? 1 : 0), waitlisted + (seated ? 0 : 1),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SeatOutcome(registration, true, seated ? null : waitlisted + 1);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<SeatRelease> ReleaseAsync(long fairId, string ticketSalt, long userId, DateTime now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            await using var transaction = await store.BeginAsync(connection, cancellationToken);
            var existing = await store.FindAsync(connection, transaction, fairId, userId, cancellationToken);
            if (existing is null or { Status: RegistrationStatus.Cancelled })
            {
                return new SeatRelease(null, null);
            }

            if (existing.CheckedInAt is not null)
            {
                return new SeatRelease(existing, null, CheckedIn: true);
            }

            var (lastSeq, registered, waitlisted) = await store.CountersAsync(connection, transaction, fairId, cancellationToken);
            var wasSeated = existing.Status == RegistrationStatus.Registered;
            FairRegistrationStore.MarkCancelled(existing, now);
            await store.SaveAsync(connection, transaction, existing, cancellationToken, keepsCounters: true);
            FairRegistration? promoted = null;
            if (wasSeated && await store.WaitlistHeadAsync(connection, transaction, fairId, cancellationToken) is { } head)
            {
                FairRegistrationStore.MarkSeated(head, ticketSalt, now);
                await store.SaveAsync(connection, transaction, head, cancellationToken, keepsCounters: true);
                await store.NotifyPromotedAsync(connection, transaction, head, now, cancellationToken);
                promoted = head;
            }

            // A promotion moves one from the waitlist to a seat; otherwise the cancelled one's own status loses one.
            await store.SetCountersAsync(connection, transaction, fairId, lastSeq,
                wasSeated && promoted is null ? registered - 1 : registered,
                wasSeated ? (promoted is null ? waitlisted : waitlisted - 1) : waitlisted - 1, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            return new SeatRelease(existing, promoted);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<int> ReconcileAsync(long fairId, string ticketSalt, DateTime now, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task ForgetAsync(long fairId, CancellationToken cancellationToken) => Task.CompletedTask;
}
