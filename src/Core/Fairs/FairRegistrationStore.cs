using System.Text.Json;
using Jobs.Core.Storage;
using System.Data.Common;

namespace Jobs.Core.Fairs;

/// <summary>
/// The registration rows as seat control reads and writes them: plain SQL on its own connection, because a seat decision is
/// a short hot transaction that must not wait on a DbContext's change tracking.
/// </summary>
public sealed class FairRegistrationStore(DatabaseTarget database)
{
    private const string Columns =
        "\"Id\", \"FairId\", \"UserId\", \"Seq\", \"Status\", \"Ticket\", \"TeamName\", \"ProjectName\", \"ProjectSummary\", \"Members\", " +
        "\"RegisteredAt\", \"StatusChangedAt\", \"CheckedInAt\", \"CheckedInBy\"";

    private static readonly JsonSerializerOptions MembersJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenAsync(cancellationToken);

    /// <summary>A seat transaction: it holds the database's write lock from the start, so seat decisions run one at a time.</summary>
    public Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        database.BeginWriteAsync(connection, cancellationToken);

    public static FairRegistration NewRegistration(SeatClaim claim, long id, long seq, RegistrationStatus status) => new()
    {
        Id = id,
        FairId = claim.FairId,
        UserId = claim.UserId,
        Seq = seq,
        Status = status,
        Ticket = status == RegistrationStatus.Registered ? TicketCodes.For(claim.TicketSalt, claim.FairId, claim.UserId, seq) : null,
        TeamName = claim.Team?.TeamName,
        ProjectName = claim.Team?.ProjectName,
        ProjectSummary = claim.Team?.ProjectSummary,
        Members = claim.Team?.Members.ToList() ?? [],
        RegisteredAt = claim.Now,
        StatusChangedAt = claim.Now,
    };

    public static void MarkCancelled(FairRegistration registration, DateTime now)
    {
        registration.Status = RegistrationStatus.Cancelled;
        registration.Ticket = null;
        registration.StatusChangedAt = now;
    }

    public static void MarkSeated(FairRegistration registration, string ticketSalt, DateTime now)
    {
        registration.Status = RegistrationStatus.Registered;
        registration.Ticket = TicketCodes.For(ticketSalt, registration.FairId, registration.UserId, registration.Seq);
        registration.StatusChangedAt = now;
    }

    public async Task<FairRegistration?> FindAsync(DbConnection connection, DbTransaction? transaction, long fairId, long userId,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"SELECT {Columns} FROM \"FairRegistrations\" WHERE \"FairId\" = @fair AND \"UserId\" = @user;");
        command.Add("@fair", fairId);
        command.Add("@user", userId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<List<FairRegistration>> ListAsync(DbConnection connection, long fairId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, $"SELECT {Columns} FROM \"FairRegistrations\" WHERE \"FairId\" = @fair ORDER BY \"Seq\";");
        command.Add("@fair", fairId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<FairRegistration?> WaitlistHeadAsync(DbConnection connection, DbTransaction transaction, long fairId,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"SELECT {Columns} FROM \"FairRegistrations\" WHERE \"FairId\" = @fair AND \"Status\" = 1 ORDER BY \"Seq\" LIMIT 1;");
        command.Add("@fair", fairId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The fair's last arrival number and how many are registered and waitlisted now.</summary>
    private async Task<(long LastSeq, int Registered, int Waitlisted)> TallyAsync(DbConnection connection, DbTransaction transaction,
        long fairId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            """
            SELECT COALESCE(MAX("Seq"), 0), CAST(COALESCE(SUM(CASE WHEN "Status" = 0 THEN 1 ELSE 0 END), 0) AS INTEGER),
                   CAST(COALESCE(SUM(CASE WHEN "Status" = 1 THEN 1 ELSE 0 END), 0) AS INTEGER)
            FROM "FairRegistrations" WHERE "FairId" = @fair;
            """);
        command.Add("@fair", fairId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>The fair's tally as <see cref="DatabaseSeatControl"/> keeps it, counted from the registrations when there is none.</summary>
    public async Task<(long LastSeq, int Registered, int Waitlisted)> CountersAsync(DbConnection connection, DbTransaction transaction,
        long fairId, CancellationToken cancellationToken)
    {
        await using (var command = Command(connection, transaction,
            "SELECT \"LastSeq\", \"Registered\", \"Waitlisted\" FROM \"FairSeatCounters\" WHERE \"FairId\" = @fair;"))
        {
            command.Add("@fair", fairId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
            }
        }

        return await TallyAsync(connection, transaction, fairId, cancellationToken);
    }

    public async Task SetCountersAsync(DbConnection connection, DbTransaction transaction, long fairId, long lastSeq, int registered,
        int waitlisted, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            INSERT INTO "FairSeatCounters" ("FairId", "LastSeq", "Registered", "Waitlisted") VALUES (@fair, @seq, @registered, @waitlisted)
            ON CONFLICT ("FairId") DO UPDATE SET "LastSeq" = excluded."LastSeq", "Registered" = excluded."Registered", "Waitlisted" = excluded."Waitlisted";
            """);
        command.Add("@fair", fairId);
        command.Add("@seq", lastSeq);
        command.Add("@registered", registered);
        command.Add("@waitlisted", waitlisted);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Tells a promoted person in the transaction that promoted them, so a promotion is never stored without its notice. The
    /// outbox's unique key per user makes writing it twice (a retry, a reconciliation) write it once.
    /// </summary>
    public async Task NotifyPromotedAsync(DbConnection connection, DbTransaction transaction, FairRegistration promoted, DateTime now,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"""
            INSERT INTO "Notifications" ("UserId", "Kind", "Title", "Body", "Link", "DedupKey", "CreatedAt", "Postings")
            SELECT @user, @kind, '候补成功：' || f."Title",
                   '有人取消了报名，你已从候补转为正式报名。门票号 ' || @ticket || '，请于活动当天凭门票二维码入场。',
                   @link, @key, @now, {database.Json("'[]'")}
            FROM "Fairs" f WHERE f."Id" = @fair
            ON CONFLICT DO NOTHING;
            """);
        command.Add("@user", promoted.UserId);
        command.Add("@kind", Notifications.NotificationKinds.FairPromotion);
        command.Add("@ticket", promoted.Ticket ?? "");
        command.Add("@link", $"/api/fairs/{promoted.FairId}/attendees/me");
        command.Add("@key", $"fair-promoted:{promoted.FairId}:{promoted.Seq}");
        command.Add("@now", now);
        command.Add("@fair", promoted.FairId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int?> WaitlistPositionAsync(DbConnection connection, DbTransaction? transaction, FairRegistration registration,
        CancellationToken cancellationToken)
    {
        if (registration.Status != RegistrationStatus.Waitlisted)
        {
            return null;
        }

        await using var command = Command(connection, transaction,
            "SELECT COUNT(*) FROM \"FairRegistrations\" WHERE \"FairId\" = @fair AND \"Status\" = 1 AND \"Seq\" <= @seq;");
        command.Add("@fair", registration.FairId);
        command.Add("@seq", registration.Seq);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Inserts a new row (Id 0) or rewrites the row with the given Id; the row's Id is set after an insert. Unless the caller
    /// keeps the fair's tally itself, the tally is dropped, to be counted afresh by the next database seat decision.
    /// </summary>
    public async Task SaveAsync(DbConnection connection, DbTransaction transaction, FairRegistration r, CancellationToken cancellationToken,
        bool keepsCounters = false)
    {
        if (!keepsCounters)
        {
            await using var forget = Command(connection, transaction, "DELETE FROM \"FairSeatCounters\" WHERE \"FairId\" = @fair;");
            forget.Add("@fair", r.FairId);
            await forget.ExecuteNonQueryAsync(cancellationToken);
        }

        var sql = r.Id == 0
            ? $"""
              INSERT INTO "FairRegistrations" ("FairId", "UserId", "Seq", "Status", "Ticket", "TeamName", "ProjectName", "ProjectSummary", "Members",
                  "RegisteredAt", "StatusChangedAt", "CheckedInAt", "CheckedInBy")
              VALUES (@fair, @user, @seq, @status, @ticket, @team, @project, @summary, {database.Json("@members")}, @registered, @changed, @checkedIn, @checkedInBy)
              RETURNING "Id";
              """
            : $"""
              UPDATE "FairRegistrations" SET "Seq" = @seq, "Status" = @status, "Ticket" = @ticket, "TeamName" = @team, "ProjectName" = @project,
                  "ProjectSummary" = @summary, "Members" = {database.Json("@members")}, "RegisteredAt" = @registered, "StatusChangedAt" = @changed,
                  "CheckedInAt" = @checkedIn, "CheckedInBy" = @checkedInBy
              WHERE "Id" = @id RETURNING "Id";
              """;
        await using var command = Command(connection, transaction, sql);
        command.Add("@id", r.Id);
        command.Add("@fair", r.FairId);
        command.Add("@user", r.UserId);
        command.Add("@seq", r.Seq);
        command.Add("@status", (int)r.Status);
        command.Add("@ticket", (object?)r.Ticket ?? DBNull.Value);
        command.Add("@team", (object?)r.TeamName ?? DBNull.Value);
        command.Add("@project", (object?)r.ProjectName ?? DBNull.Value);
        command.Add("@summary", (object?)r.ProjectSummary ?? DBNull.Value);
        command.Add("@members", JsonSerializer.Serialize(r.Members, MembersJson));
        command.Add("@registered", r.RegisteredAt);
        command.Add("@changed", r.StatusChangedAt);
        command.Add("@checkedIn", (object?)r.CheckedInAt ?? DBNull.Value);
        command.Add("@checkedInBy", (object?)r.CheckedInBy ?? DBNull.Value);
        r.Id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task<List<FairRegistration>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var list = new List<FairRegistration>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new FairRegistration
            {
                Id = reader.GetInt64(0),
                FairId = reader.GetInt64(1),
                UserId = reader.GetInt64(2),
                Seq = reader.GetInt64(3),
                Status = (RegistrationStatus)reader.GetInt32(4),
                Ticket = reader.IsDBNull(5) ? null : reader.GetString(5),
                TeamName = reader.IsDBNull(6) ? null : reader.GetString(6),
                ProjectName = reader.IsDBNull(7) ? null : reader.GetString(7),
                ProjectSummary = reader.IsDBNull(8) ? null : reader.GetString(8),
                Members = reader.IsDBNull(9) ? [] : JsonSerializer.Deserialize<List<TeamMember>>(reader.GetString(9), MembersJson) ?? [],
                RegisteredAt = DateTime.SpecifyKind(reader.GetDateTime(10), DateTimeKind.Utc),
                StatusChangedAt = DateTime.SpecifyKind(reader.GetDateTime(11), DateTimeKind.Utc),
                CheckedInAt = reader.IsDBNull(12) ? null : DateTime.SpecifyKind(reader.GetDateTime(12), DateTimeKind.Utc),
                CheckedInBy = reader.IsDBNull(13) ? null : reader.GetInt64(13),
            });
        }

        return list;
    }
}

/// <summary>Named parameters the same way on SQLite and Npgsql (both take <c>@name</c>).</summary>
internal static class DbCommandParameters
{
    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
