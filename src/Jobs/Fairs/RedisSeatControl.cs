using System.Globalization;
using Jobs.Core.Fairs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jobs.Background.Fairs;

/// <summary>
/// Seat decisions by Lua scripts in Redis, atomic across every process that shares the Redis server. Per fair Redis keeps the
/// last arrival number, the seated count, each person's "seq|status|unix-ms" and the waitlist ordered by arrival; the database
/// records each decision before the request is answered. Redis state is built from the database the first time a fair is
/// touched (or after Redis lost it), so the database stays the system of record.
/// <para>
/// A process that dies between the script and its database write leaves a decision nobody was told about. A retry by the same
/// person finds it and completes the write; otherwise <see cref="ReconcileAsync"/> releases it after
/// <see cref="FairOptions.SeatReconcileGraceSeconds"/>, promoting the next in line, and copies any status the database missed.
/// </para>
/// </summary>
public sealed class RedisSeatControl(IConnectionMultiplexer redis, FairRegistrationStore store, IOptions<BackgroundJobsOptions> options,
    IOptions<FairOptions> fairOptions, ILogger<RedisSeatControl> logger) : IFairSeatControl
{
    // Returns {-1} when the fair has no Redis state yet; {0, seq, status, position} for someone already there;
    // {1, seq, status, position} for a new arrival. Position is the waitlist place (0 when seated).
    private const string RegisterScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {-1} end
        local current = redis.call('HGET', KEYS[2], ARGV[1])
        if current then
          local seq, status = string.match(current, '^(%d+)|(%a)')
          if status ~= 'C' then
            local position = 0
            if status == 'W' then
              local rank = redis.call('ZRANK', KEYS[3], ARGV[1])
              if rank then position = rank + 1 end
            end
            return {0, tonumber(seq), status, position}
          end
        end
        local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
        local seated = tonumber(redis.call('HGET', KEYS[1], 'seated') or '0')
        local status = 'W'
        local position = 0
        if seated < tonumber(ARGV[2]) then
          redis.call('HINCRBY', KEYS[1], 'seated', 1)
          status = 'R'
        else
          redis.call('ZADD', KEYS[3], seq, ARGV[1])
          position = redis.call('ZCARD', KEYS[3])
        end
        redis.call('HSET', KEYS[2], ARGV[1], seq .. '|' .. status .. '|' .. ARGV[3])
        return {1, seq, status, position}
        """;

    // Returns {-1} without state; {0} when the person holds nothing; {1, oldStatus} or {1, 'R', promotedUser, promotedSeq}.
    private const string CancelScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return {-1} end
        local current = redis.call('HGET', KEYS[2], ARGV[1])
        if not current then return {0} end
        local seq, status = string.match(current, '^(%d+)|(%a)')
        if status == 'C' then return {0} end
        redis.call('HSET', KEYS[2], ARGV[1], seq .. '|C|' .. ARGV[2])
        if status == 'W' then
          redis.call('ZREM', KEYS[3], ARGV[1])
          return {1, 'W'}
        end
        local head = redis.call('ZPOPMIN', KEYS[3])
        if #head == 0 then
          redis.call('HINCRBY', KEYS[1], 'seated', -1)
          return {1, 'R'}
        end
        redis.call('HSET', KEYS[2], head[1], head[2] .. '|R|' .. ARGV[2])
        return {1, 'R', head[1], tonumber(head[2])}
        """;

    // ARGV: last seq, seated count, then user, seq, status triples. Does nothing if another process built the state first.
    private const string InitScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        -- Whatever survived of the other keys (an eviction may take one key and leave the rest) is stale.
        redis.call('DEL', KEYS[2], KEYS[3])
        redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'seated', ARGV[2])
        for i = 3, #ARGV, 3 do
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1] .. '|' .. ARGV[i + 2] .. '|0')
          if ARGV[i + 2] == 'W' then redis.call('ZADD', KEYS[3], tonumber(ARGV[i + 1]), ARGV[i]) end
        end
        return 1
        """;

    // Within the process one database writer at a time: the processes then contend for SQLite's lock, not every request.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<SeatOutcome> ClaimAsync(SeatClaim claim, CancellationToken cancellationToken)
    {
        var keys = Keys(claim.FairId);
        for (var attempt = 0; ; attempt++)
        {
            var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RegisterScript, keys,
                [claim.UserId, claim.Capacity, UnixMs(claim.Now)]))!;
            var code = (int)result[0];
            if (code == -1 && attempt < 3)
            {
                await InitAsync(claim.FairId, cancellationToken);
                continue;
            }

            if (code == -1)
            {
                throw new InvalidOperationException($"Seat state of fair {claim.FairId} could not be built in Redis.");
            }

            var seq = (long)result[1];
            var status = ParseStatus((string)result[2]!);
            var position = (int)result[3];
            FairRegistration registration;
            bool written;
            try
            {
                (registration, written) = await RecordAsync(claim, seq, status, cancellationToken);
            }
            catch (Exception e) when ((e is SeatStateLostException || Jobs.Core.Storage.DatabaseTarget.IsConstraintViolation(e)) && attempt < 3)
            {
                // Redis lost its state while a decision was on its way to the database and was rebuilt without it: the arrival
                // is already stored for someone else, or this person already holds another one. Rebuild from the database,
                // which now has those rows, and decide the claim anew (a stored registration is then found, not changed).
                logger.LogWarning(e, "Fair {FairId}: arrival {Seq} already stored; rebuilding the seat state from the database", claim.FairId, seq);
                await ForgetAsync(claim.FairId, cancellationToken);
                continue;
            }

            // Someone whose earlier request died before its database write is, to them, registering now.
            return new SeatOutcome(registration, code == 1 || written, status == RegistrationStatus.Waitlisted ? position : null);
        }
    }

    public async Task<SeatRelease> ReleaseAsync(long fairId, string ticketSalt, long userId, DateTime now, CancellationToken cancellationToken)
    {
        await using (var connection = await store.OpenAsync(cancellationToken))
        {
            if (await store.FindAsync(connection, null, fairId, userId, cancellationToken) is { CheckedInAt: not null } checkedIn)
            {
                return new SeatRelease(checkedIn, null, CheckedIn: true);
            }
        }

        var keys = Keys(fairId);
        for (var attempt = 0; ; attempt++)
        {
            var result = (RedisResult[])(await Db.ScriptEvaluateAsync(CancelScript, keys, [userId, UnixMs(now)]))!;
            var code = (int)result[0];
            if (code == -1 && attempt < 3)
            {
                await InitAsync(fairId, cancellationToken);
                continue;
            }

            if (code != 1)
            {
                return new SeatRelease(null, null);
            }

            long? promotedUser = result.Length > 2 ? long.Parse((string)result[2]!, CultureInfo.InvariantCulture) : null;
            return await ApplyReleaseAsync(fairId, ticketSalt, userId, promotedUser, now, cancellationToken);
        }
    }

    public async Task<int> ReconcileAsync(long fairId, string ticketSalt, DateTime now, CancellationToken cancellationToken)
    {
        var keys = Keys(fairId);
        if (!await Db.KeyExistsAsync(keys[0]))
        {
            return 0;
        }

        var grace = TimeSpan.FromSeconds(fairOptions.Value.SeatReconcileGraceSeconds);
        var people = await Db.HashGetAllAsync(keys[1]);
        List<FairRegistration> rows;
        await using (var connection = await store.OpenAsync(cancellationToken))
        {
            rows = await store.ListAsync(connection, fairId, cancellationToken);
        }

        var byUser = rows.ToDictionary(r => r.UserId);
        var fixedRows = 0;
        foreach (var entry in people)
        {
            var userId = long.Parse((string)entry.Name!, CultureInfo.InvariantCulture);
            var (seq, status, changedAt) = ParseEntry((string)entry.Value!);
            if (now - changedAt < grace)
            {
                continue;
            }

            byUser.TryGetValue(userId, out var row);
            if (row is null && status != RegistrationStatus.Cancelled)
            {
                // A decision whose request died before writing: release it so the seat goes to the next in line.
                logger.LogWarning("Fair {FairId}: releasing seat decision {Seq} of user {UserId} that never reached the database", fairId, seq, userId);
                await ReleaseAsync(fairId, ticketSalt, userId, now, cancellationToken);
                fixedRows++;
            }
            else if (row is not null && (row.Status != status || row.Seq != seq) && !(row.Status == RegistrationStatus.Cancelled && status == RegistrationStatus.Cancelled))
            {
                logger.LogWarning("Fair {FairId}: user {UserId} is {Redis} in Redis but {Database} in the database; copying Redis", fairId, userId, status, row.Status);
                await _writer.WaitAsync(cancellationToken);
                try
                {
                    await using var connection = await store.OpenAsync(cancellationToken);
                    await using var transaction = await store.BeginAsync(connection, cancellationToken);
                    row.Seq = seq;
                    var promoted = status == RegistrationStatus.Registered && row.Status == RegistrationStatus.Waitlisted;
                    if (status == RegistrationStatus.Registered)
                    {
                        FairRegistrationStore.MarkSeated(row, ticketSalt, now);
                    }
                    else if (status == RegistrationStatus.Cancelled)
                    {
                        FairRegistrationStore.MarkCancelled(row, now);
                    }
                    else
                    {
                        row.Status = RegistrationStatus.Waitlisted;
                        row.Ticket = null;
                        row.StatusChangedAt = now;
                    }

                    await store.SaveAsync(connection, transaction, row, cancellationToken);
                    if (promoted)
                    {
                        await store.NotifyPromotedAsync(connection, transaction, row, now, cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                    fixedRows++;
                }
                finally
                {
                    _writer.Release();
                }
            }
        }

        return fixedRows;
    }

    public async Task ForgetAsync(long fairId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Db.KeyDeleteAsync(Keys(fairId));
    }

    private IDatabase Db => redis.GetDatabase();

    private RedisKey[] Keys(long fairId)
    {
        // The hash tag keeps a fair's keys in one slot, so the scripts also run on a Redis cluster.
        var prefix = $"{options.Value.RedisSeatPrefix}{{{fairId}}}:";
        return [prefix + "state", prefix + "people", prefix + "waitlist"];
    }

    private async Task InitAsync(long fairId, CancellationToken cancellationToken)
    {
        List<FairRegistration> rows;
        await using (var connection = await store.OpenAsync(cancellationToken))
        {
            rows = await store.ListAsync(connection, fairId, cancellationToken);
        }

        var args = new List<RedisValue>
        {
            rows.Count == 0 ? 0 : rows.Max(r => r.Seq),
            rows.Count(r => r.Status == RegistrationStatus.Registered),
        };
        foreach (var r in rows)
        {
            args.Add(r.UserId);
            args.Add(r.Seq);
            args.Add(StatusLetter(r.Status));
        }

        await Db.ScriptEvaluateAsync(InitScript, Keys(fairId), [.. args]);
    }

    /// <summary>Writes Redis's decision for the claimant unless the database already has exactly it.</summary>
    private async Task<(FairRegistration Registration, bool Written)> RecordAsync(SeatClaim claim, long seq, RegistrationStatus status,
        CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            await using var transaction = await store.BeginAsync(connection, cancellationToken);
            var existing = await store.FindAsync(connection, transaction, claim.FairId, claim.UserId, cancellationToken);
            if (existing is not null && existing.Seq == seq && existing.Status == status)
            {
                return (existing, false);
            }

            if (existing is { Status: not RegistrationStatus.Cancelled } && existing.Seq != seq)
            {
                // The person holds another arrival in the database than Redis just gave them: Redis lost state and was rebuilt
                // without it. The stored registration was answered to someone; it stands, and Redis is rebuilt to match.
                throw new SeatStateLostException(claim.FairId, existing.Seq, seq);
            }

            var registration = FairRegistrationStore.NewRegistration(claim, existing?.Id ?? 0, seq, status);
            if (existing is not null && existing.Seq == seq)
            {
                // Same arrival, status moved on in Redis (promoted meanwhile): keep what the person sent the first time.
                registration.TeamName = existing.TeamName;
                registration.ProjectName = existing.ProjectName;
                registration.ProjectSummary = existing.ProjectSummary;
                registration.Members = existing.Members;
                registration.RegisteredAt = existing.RegisteredAt;
            }

            await store.SaveAsync(connection, transaction, registration, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (registration, true);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<SeatRelease> ApplyReleaseAsync(long fairId, string ticketSalt, long userId, long? promotedUser, DateTime now,
        CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            await using var transaction = await store.BeginAsync(connection, cancellationToken);
            var cancelled = await store.FindAsync(connection, transaction, fairId, userId, cancellationToken);
            if (cancelled is not null)
            {
                FairRegistrationStore.MarkCancelled(cancelled, now);
                await store.SaveAsync(connection, transaction, cancelled, cancellationToken);
            }

            FairRegistration? promoted = null;
            if (promotedUser is { } p && await store.FindAsync(connection, transaction, fairId, p, cancellationToken) is { } row)
            {
                FairRegistrationStore.MarkSeated(row, ticketSalt, now);
                await store.SaveAsync(connection, transaction, row, cancellationToken);
                await store.NotifyPromotedAsync(connection, transaction, row, now, cancellationToken);
                promoted = row;
            }

            await transaction.CommitAsync(cancellationToken);
            return new SeatRelease(cancelled, promoted);
        }
        finally
        {
            _writer.Release();
        }
    }

    private static (long Seq, RegistrationStatus Status, DateTime ChangedAt) ParseEntry(string value)
    {
        var parts = value.Split('|');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), ParseStatus(parts[1]),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], CultureInfo.InvariantCulture)).UtcDateTime);
    }

    private static long UnixMs(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static RegistrationStatus ParseStatus(string letter) => letter switch
    {
        "R" => RegistrationStatus.Registered,
        "W" => RegistrationStatus.Waitlisted,
        _ => RegistrationStatus.Cancelled,
    };

    private static string StatusLetter(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "R",
        RegistrationStatus.Waitlisted => "W",
        _ => "C",
    };
}

/// <summary>Redis's seat state disagrees with what the database already stored; the state is rebuilt from the database.</summary>
internal sealed class SeatStateLostException(long fairId, long storedSeq, long redisSeq)
    : Exception($"Fair {fairId}: the database holds arrival {storedSeq} where Redis decided {redisSeq}.");
