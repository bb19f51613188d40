using Jobs.Core.Notifications;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Fairs;

/// <summary>What one pass over a fair's deadlines did.</summary>
public sealed record FairSteps(long FairId, bool Opened, bool Closed, bool BoothsAllocated, int RemindersSent, bool Held, bool Archived, int SeatsReconciled)
{
    public bool Any => Opened || Closed || BoothsAllocated || RemindersSent > 0 || Held || Archived || SeatsReconciled > 0;
}

/// <summary>
/// Every deadline of a published fair, as a step that compares the clock with the fair's times and its markers: open when the
/// first window opens, allocate booths when the employer window closes, close when both windows have closed, remind registered
/// graduates <see cref="FairOptions.ReminderLeadHours"/> before the start, write the report and mark it held when it ends,
/// archive it later. Each step is conditional on the fair's stored state, so a pass may run twice, in two processes at once,
/// or hours late after a restart: it does what is due and nothing twice.
/// </summary>
public sealed class FairLifecycle(JobsDbContext db, BoothService booths, IFairSeatControl seats, TimeProvider clock, IOptions<FairOptions> options,
    ILogger<FairLifecycle> logger)
{
    public async Task<IReadOnlyList<FairSteps>> AdvanceAllAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Fairs.AsNoTracking().Where(f => f.PublishedAt != null && f.State != FairState.Archived).OrderBy(f => f.StartsAt)
            .Select(f => f.Id).ToListAsync(cancellationToken);
        var done = new List<FairSteps>();
        foreach (var id in ids)
        {
            try
            {
                var steps = await AdvanceAsync(id, cancellationToken);
                if (steps.Any)
                {
                    done.Add(steps);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One fair's trouble (Redis down, a locked file) must not hold up every other fair's deadlines; the next run
                // retries it.
                logger.LogError(e, "Fair {FairId}: deadlines not advanced in this run", id);
                db.ChangeTracker.Clear();
            }
        }

        return done;
    }

    public async Task<FairSteps> AdvanceAsync(long fairId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var fair = await db.Fairs.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fairId, cancellationToken);
        if (fair is null || !fair.IsPublished || fair.State == FairState.Archived)
        {
            return new FairSteps(fairId, false, false, false, 0, false, false, 0);
        }

        var opened = false;
        if (fair.State == FairState.Draft && now >= fair.FirstWindowOpensAt)
        {
            opened = await MoveAsync(fairId, FairState.Draft, FairState.Open, now, cancellationToken);
            fair.State = FairState.Open;
        }

        var reconciled = 0;
        if (fair.State is FairState.Open or FairState.Closed)
        {
            reconciled = await seats.ReconcileAsync(fair.Id, fair.TicketSalt, now, cancellationToken);
        }

        var allocated = false;
        if (fair.BoothsAllocatedAt is null && now >= fair.EmployerWindowClosesAt && fair.State != FairState.Draft)
        {
            allocated = await booths.AllocateAsync(fairId, cancellationToken);
        }

        var closed = false;
        if (fair.State == FairState.Open && now >= fair.LastWindowClosesAt)
        {
            closed = await MoveAsync(fairId, FairState.Open, FairState.Closed, now, cancellationToken);
            fair.State = FairState.Closed;
        }

        var reminded = 0;
        if (fair.RemindersSentAt is null && fair.State != FairState.Draft && now >= fair.StartsAt.AddHours(-o.ReminderLeadHours))
        {
            reminded = await RemindAsync(fair, now, cancellationToken);
        }

        var held = false;
        if (fair.State is FairState.Open or FairState.Closed && now >= fair.EndsAt)
        {
            held = await HoldAsync(fairId, now, cancellationToken);
            if (held)
            {
                fair.State = FairState.Held;
                await seats.ForgetAsync(fairId, cancellationToken);
            }
        }

        var archived = false;
        if (fair.State == FairState.Held && now >= fair.EndsAt.AddDays(o.ArchiveAfterDays))
        {
            archived = await MoveAsync(fairId, FairState.Held, FairState.Archived, now, cancellationToken);
        }

        var steps = new FairSteps(fairId, opened, closed, allocated, reminded, held, archived, reconciled);
        if (steps.Any)
        {
            logger.LogInformation("Fair {FairId}: {Steps}", fairId, steps);
        }

        return steps;
    }

    private async Task<bool> MoveAsync(long fairId, FairState from, FairState to, DateTime now, CancellationToken cancellationToken)
    {
        var query = db.Fairs.Where(f => f.Id == fairId && f.State == from);
        var moved = to switch
        {
            FairState.Open => await query.ExecuteUpdateAsync(s => s.SetProperty(f => f.State, to).SetProperty(f => f.OpenedAt, now), cancellationToken),
            FairState.Closed => await query.ExecuteUpdateAsync(s => s.SetProperty(f => f.State, to).SetProperty(f => f.ClosedAt, now), cancellationToken),
            _ => await query.ExecuteUpdateAsync(s => s.SetProperty(f => f.State, to).SetProperty(f => f.ArchivedAt, now), cancellationToken),
        };
        return moved == 1;
    }

    /// <summary>
    /// One statement writes a reminder for every registered graduate who has none yet; the outbox's unique key per user makes a
    /// second run, or a run in another process at the same moment, write nothing. A fair whose start passed while the platform
    /// was down gets no late reminder: it is marked with none sent.
    /// </summary>
    private async Task<int> RemindAsync(Fair fair, DateTime now, CancellationToken cancellationToken)
    {
        var sent = 0;
        if (now < fair.StartsAt)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(fair.StartsAt, options.Value.Zone);
            var title = $"活动提醒：{fair.Title}";
            var body = fair.Kind == FairKind.Contest
                ? $"你的队伍报名的“{fair.Title}”将于 {local:yyyy年M月d日 HH:mm} 在 {fair.Venue} 开始，请带好门票二维码，全体队员按时到场。"
                : $"你报名的“{fair.Title}”将于 {local:yyyy年M月d日 HH:mm} 在 {fair.Venue} 开始，请带好门票二维码和简历按时入场。";
            // The empty postings list is SQL text, not a parameter: PostgreSQL's JSON column takes no text parameter as it is.
            var noPostings = db.Database.IsNpgsql() ? "CAST('[]' AS jsonb)" : "'[]'";
            var sql = $$"""
                INSERT INTO "Notifications" ("UserId", "Kind", "Title", "Body", "Link", "DedupKey", "CreatedAt", "Postings")
                SELECT r."UserId", {0}, {1}, {2} || ' 门票号 ' || r."Ticket", {3}, {4}, {5}, {{noPostings}}
                FROM "FairRegistrations" r WHERE r."FairId" = {6} AND r."Status" = 0
                ON CONFLICT DO NOTHING;
                """;
            sent = await db.Database.ExecuteSqlRawAsync(sql,
                [NotificationKinds.FairReminder, title, body, $"/api/fairs/{fair.Id}/attendees/me", $"fair-reminder:{fair.Id}", now, fair.Id],
                cancellationToken);
        }
        else
        {
            logger.LogWarning("Fair {FairId} started before its reminders were due to be sent; none sent", fair.Id);
        }

        await db.Fairs.Where(f => f.Id == fair.Id && f.RemindersSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RemindersSentAt, now), cancellationToken);
        return sent;
    }

    private async Task<bool> HoldAsync(long fairId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read afresh inside the transaction: an entity tracked earlier in this pass may predate another process's change.
        db.ChangeTracker.Clear();
        var fair = await db.Fairs.SingleAsync(f => f.Id == fairId, cancellationToken);
        if (fair.State is not (FairState.Open or FairState.Closed))
        {
            return false;
        }

        var registrations = await db.FairRegistrations.AsNoTracking().Where(r => r.FairId == fairId)
            .Select(r => new { r.Status, r.CheckedInAt, r.Members }).ToListAsync(cancellationToken);
        var exhibitors = await db.BoothApplications.AsNoTracking().Where(b => b.FairId == fairId)
            .Select(b => new { b.Status, b.EmployerCityCode, b.PostingIds }).ToListAsync(cancellationToken);
        var checkedIn = registrations.Where(r => r.Status == RegistrationStatus.Registered && r.CheckedInAt != null).ToList();
        var allocated = exhibitors.Where(b => b.Status == BoothStatus.Allocated).ToList();
        var reminders = await db.Notifications.CountAsync(n => n.DedupKey == $"fair-reminder:{fairId}", cancellationToken);
        fair.Report = new FairReport
        {
            GeneratedAt = now,
            Registered = registrations.Count(r => r.Status == RegistrationStatus.Registered),
            Waitlisted = registrations.Count(r => r.Status == RegistrationStatus.Waitlisted),
            Cancelled = registrations.Count(r => r.Status == RegistrationStatus.Cancelled),
            CheckedIn = checkedIn.Count,
            PeopleCheckedIn = checkedIn.Sum(r => 1 + r.Members.Count),
            BoothsAllocated = allocated.Count,
            BoothsWaitlisted = exhibitors.Count(b => b.Status == BoothStatus.Waitlisted),
            OtherCityBooths = allocated.Count(b => b.EmployerCityCode != fair.HostCityCode),
            PostingsShown = allocated.SelectMany(b => b.PostingIds).Distinct().Count(),
            RemindersSent = reminders,
        };
        fair.State = FairState.Held;
        fair.HeldAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
