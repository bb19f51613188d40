using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobs.Core.Storage;

/// <summary>
/// Data rewrites that belong to old SQLite upgrade steps (contact encryption in step 14, derived columns after 7 and 8). A
/// PostgreSQL database starts past all of them, so this SQL is SQLite's.
/// </summary>
internal sealed class SchemaBackfills(JobsDbContext db, Privacy.ContactCipher contactCipher, ILogger logger)
{
    /// <summary>
    /// Encrypts the résumés' contact columns written in plain text, in chunks by id (memory stays flat on a big file), inside
    /// the step's transaction so the version says it is done only when it is. A value that already carries the cipher's prefix
    /// is left alone, so running it again changes nothing.
    /// </summary>
    public async Task EncryptContactColumnsAsync(CancellationToken cancellationToken)
    {
        const int Chunk = 500;
        long after = 0;
        var encrypted = 0;
        while (true)
        {
            var rows = await db.Database.SqlQuery<PlainContact>(
                    $"SELECT \"Id\", \"ContactPhone\", \"ContactEmail\", \"ContactIdNumber\" FROM \"Resumes\" WHERE \"Id\" > {after} ORDER BY \"Id\" LIMIT {Chunk}")
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var row in rows)
            {
                string?[] values = [row.ContactPhone, row.ContactEmail, row.ContactIdNumber];
                if (values.All(v => v is null || Privacy.ContactCipher.IsProtected(v)))
                {
                    continue;
                }

                await db.Database.ExecuteSqlRawAsync(
                    "UPDATE \"Resumes\" SET \"ContactPhone\" = {0}, \"ContactEmail\" = {1}, \"ContactIdNumber\" = {2} WHERE \"Id\" = {3}",
                    [Db(contactCipher.Protect(row.ContactPhone)), Db(contactCipher.Protect(row.ContactEmail)), Db(contactCipher.Protect(row.ContactIdNumber)), row.Id],
                    cancellationToken);
                encrypted++;
            }

            after = rows[^1].Id;
        }

        logger.LogInformation("Encrypted the contact data of {Count} résumés", encrypted);
    }

    private static object Db(string? value) => (object?)value ?? DBNull.Value;

    private sealed class PlainContact
    {
        public long Id { get; set; }

        public string? ContactPhone { get; set; }

        public string? ContactEmail { get; set; }

        public string? ContactIdNumber { get; set; }
    }

    /// <summary>
    /// Postings stored before step 8 get the function their category text or title names (the classifier every write path
    /// uses); employers get the industry section their industry text names. Runs once, right after the upgrade to 8, in
    /// chunks by id; a posting left unknown stays NULL, as a new one would.
    /// </summary>
    public async Task BackfillFunctionsAsync(CancellationToken cancellationToken)
    {
        const int Chunk = 500;
        long after = 0;
        var classified = 0;
        while (true)
        {
            var rows = await db.Database.SqlQuery<UnclassifiedPosting>(
                    $"SELECT \"Id\", \"Title\", \"Category\" FROM \"Postings\" WHERE \"FunctionCode\" IS NULL AND \"Id\" > {after} ORDER BY \"Id\" LIMIT {Chunk}")
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (Taxonomy.JobFunctions.Classify(row.Category, row.Title) is { } function)
                {
                    await db.Database.ExecuteSqlRawAsync("UPDATE \"Postings\" SET \"FunctionCode\" = {0} WHERE \"Id\" = {1}",
                        [function.Code, row.Id], cancellationToken);
                    classified++;
                }
            }

            await tx.CommitAsync(cancellationToken);
            after = rows[^1].Id;
        }

        var employers = await db.Employers.Where(e => e.IndustryCode == null && e.Industry != null).ToListAsync(cancellationToken);
        foreach (var employer in employers)
        {
            employer.IndustryCode = Taxonomy.Industries.Find(employer.Industry)?.Code;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Classified the job function of {Count} existing postings", classified);
    }

    /// <summary>
    /// Postings stored before benefit tags existed have none (NULL): their tags are extracted from the description, and a
    /// description welcoming beginners sets the flag. Runs once, right after the upgrade to 7, in chunks; a posting once done has a JSON list and is not read again.
    /// </summary>
    public async Task BackfillPostingTermsAsync(CancellationToken cancellationToken)
    {
        const int Chunk = 500;
        var total = 0;
        while (true)
        {
            var rows = await db.Database.SqlQueryRaw<PendingPosting>(
                    $"SELECT \"Id\", \"Description\" FROM \"Postings\" WHERE \"Benefits\" IS NULL ORDER BY \"Id\" LIMIT {Chunk}")
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in rows)
            {
                var benefits = Postings.BenefitTags.Resolve([], row.Description);
                var json = System.Text.Json.JsonSerializer.Serialize(benefits);
                var beginners = Postings.LabourTerms.WelcomesBeginners(row.Description) ? 1 : 0;
                await db.Database.ExecuteSqlRawAsync(
                    "UPDATE \"Postings\" SET \"Benefits\" = {0}, \"AcceptsBeginners\" = MAX(\"AcceptsBeginners\", {1}) WHERE \"Id\" = {2}",
                    [json, beginners, row.Id], cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            total += rows.Count;
        }

        if (total > 0)
        {
            logger.LogInformation("Derived benefit tags for {Count} postings from their descriptions", total);
        }
    }

    private sealed class UnclassifiedPosting
    {
        public long Id { get; set; }

        public string Title { get; set; } = "";

        public string? Category { get; set; }
    }

    private sealed class PendingPosting
    {
        public long Id { get; set; }

        public string Description { get; set; } = "";
    }

}
