using Jobs.Core.Accounts;
using Jobs.Core.Alerts;
using Jobs.Core.Employers;
using Jobs.Core.Notifications;
using Jobs.Core.Postings;
using Jobs.Core.Privacy;
using Jobs.Core.Resumes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jobs.Core.Storage;

/// <summary>
/// The system of record. The search index is derived from it and can always be rebuilt. With a <see cref="ContactCipher"/>
/// (always, when built by the container) the résumés' contact columns are encrypted on the way in and decrypted on the way
/// out; the model then belongs to that cipher (<see cref="CipherModelCacheKeyFactory"/>), since its key ring is per host.
/// </summary>
public sealed class JobsDbContext(DbContextOptions<JobsDbContext> options, ContactCipher? contactCipher = null) : DbContext(options)
{
    internal ContactCipher? ContactCipher { get; } = contactCipher;

    public DbSet<ContactView> ContactViews => Set<ContactView>();

    public DbSet<ContactRevealFlag> ContactRevealFlags => Set<ContactRevealFlag>();

    public DbSet<Statistics.StatCell> StatCells => Set<Statistics.StatCell>();

    public DbSet<Statistics.StatPeriodRun> StatPeriodRuns => Set<Statistics.StatPeriodRun>();

    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Employer> Employers => Set<Employer>();

    public DbSet<EmployerChange> EmployerChanges => Set<EmployerChange>();

    public DbSet<VerificationSubmission> VerificationSubmissions => Set<VerificationSubmission>();

    public DbSet<Posting> Postings => Set<Posting>();

    public DbSet<Resume> Resumes => Set<Resume>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationStageChange> ApplicationStageChanges => Set<ApplicationStageChange>();

    public DbSet<CityRecord> Cities => Set<CityRecord>();

    public DbSet<SchemaInfo> SchemaInfo => Set<SchemaInfo>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AlertSubscription> AlertSubscriptions => Set<AlertSubscription>();

    public DbSet<AlertedPosting> AlertedPostings => Set<AlertedPosting>();

    public DbSet<Imports.ImportRun> ImportRuns => Set<Imports.ImportRun>();

    public DbSet<Imports.ImportProblem> ImportProblems => Set<Imports.ImportProblem>();

    public DbSet<Imports.PostingSource> PostingSources => Set<Imports.PostingSource>();

    public DbSet<DistributedLockRow> DistributedLocks => Set<DistributedLockRow>();

    public DbSet<Fairs.Fair> Fairs => Set<Fairs.Fair>();

    public DbSet<Fairs.FairSeason> FairSeasons => Set<Fairs.FairSeason>();

    public DbSet<Fairs.BoothApplication> BoothApplications => Set<Fairs.BoothApplication>();

    public DbSet<Fairs.FairRegistration> FairRegistrations => Set<Fairs.FairRegistration>();

    public DbSet<Fairs.FairSeatCounter> FairSeatCounters => Set<Fairs.FairSeatCounter>();

    public DbSet<Jobs.Core.Postings.Compliance.ComplianceFinding> ComplianceFindings => Set<Jobs.Core.Postings.Compliance.ComplianceFinding>();

    public DbSet<Jobs.Core.Postings.Compliance.ComplianceReview> ComplianceReviews => Set<Jobs.Core.Postings.Compliance.ComplianceReview>();

    /// <summary>The ordered log of posting and résumé changes every node's search index follows.</summary>
    public DbSet<Jobs.Core.ChangeLog.IndexChange> IndexChanges => Set<Jobs.Core.ChangeLog.IndexChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: everything is stored as UTC and read back as UTC. On PostgreSQL the same converter feeds
        // timestamptz, which takes only UTC values (Npgsql refuses other kinds) and returns them as UTC: one rule for both.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        if (Database.IsNpgsql())
        {
            // SQLite compares and sorts text byte by byte; the "C" collation does the same on PostgreSQL, whatever the
            // server's locale, so lists ordered by name come out alike on both.
            configurationBuilder.Properties<string>().UseCollation("C");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(e =>
        {
            e.HasIndex(u => u.Email).IsUnique();
            e.Property(u => u.Email).HasMaxLength(254);
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.CityCode).HasMaxLength(40);
            e.Property(u => u.SecurityStamp).HasMaxLength(64);
            // The erasure job looks for accounts whose cooling-off has ended.
            e.HasIndex(u => u.DeletionDueAt);
        });

        modelBuilder.Entity<UserSession>(e =>
        {
            e.ToTable("Sessions");
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
            e.HasIndex(x => x.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RefreshToken>(e =>
        {
            e.Property(x => x.SessionId).HasMaxLength(64);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.SessionId);
            e.HasIndex(x => x.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<UserSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Employer>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.IndustryCode).HasMaxLength(1);
            e.HasIndex(x => x.CreditCode).IsUnique().HasFilter(Filter("CreditCode", "IS NOT NULL"));
            e.HasIndex(x => x.Name);
        });

        modelBuilder.Entity<EmployerChange>(e =>
        {
            e.Property(x => x.Field).HasMaxLength(20);
            e.Property(x => x.OldValue).HasMaxLength(200);
            e.Property(x => x.NewValue).HasMaxLength(200);
            e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.EmployerId, x.Id });
        });

        modelBuilder.Entity<VerificationSubmission>(e =>
        {
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.LegalName).HasMaxLength(200);
            e.Property(x => x.CityCode).HasMaxLength(40);
            e.Property(x => x.LicenceFile).HasMaxLength(100);
            e.Property(x => x.LicenceContentType).HasMaxLength(50);
            e.Property(x => x.LicenceOriginalName).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.EmployerId, x.Id });
            // The review queue: pending submissions of a city, oldest first.
            e.HasIndex(x => new { x.Status, x.CityCode, x.Id });
        });

        modelBuilder.Entity<Posting>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(PostingRules.TitleMaxLength);
            e.Property(p => p.CityCode).HasMaxLength(40);
            e.Property(p => p.FunctionCode).HasMaxLength(40);
            e.HasIndex(p => p.FunctionCode);
            e.HasOne<Employer>().WithMany().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.Status, p.PostedAt });
            e.HasIndex(p => p.EmployerId);
            e.HasIndex(p => p.CityCode);
            // The search index's start-up replay and its minutely catch-up read the postings changed since a time.
            e.HasIndex(p => p.UpdatedAt);
            e.OwnsMany(p => p.Benefits, b => b.ToJson());
        });

        modelBuilder.Entity<Resume>(e =>
        {
            e.HasIndex(r => r.OwnerUserId).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(r => r.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
            e.OwnsOne(r => r.Contact, c =>
            {
                // Ciphertext when a cipher is present: no length limit, and never compared by value (each write differs).
                var phone = c.Property(x => x.Phone).HasColumnName("ContactPhone");
                var email = c.Property(x => x.Email).HasColumnName("ContactEmail");
                var idNumber = c.Property(x => x.IdNumber).HasColumnName("ContactIdNumber");
                if (ContactCipher is { } cipher)
                {
                    var converter = new ValueConverter<string?, string?>(v => cipher.Protect(v), v => cipher.Unprotect(v));
                    phone.HasConversion(converter);
                    email.HasConversion(converter);
                    idNumber.HasConversion(converter);
                }
            });
            e.OwnsMany(r => r.Experiences, x => x.ToJson());
            e.HasIndex(r => r.Visibility);
            // The retention job looks for résumés not updated for a long time.
            e.HasIndex(r => r.UpdatedAt);
        });

        modelBuilder.Entity<ContactView>(e =>
        {
            e.Property(v => v.Field).HasMaxLength(20);
            e.Property(v => v.Where).HasMaxLength(ContactDisclosure.WhereMaxLength);
            e.HasIndex(v => new { v.OwnerUserId, v.Id });
            e.HasIndex(v => new { v.EmployerId, v.At });
            e.HasIndex(v => v.ResumeId);
        });

        modelBuilder.Entity<ContactRevealFlag>(e =>
        {
            e.Property(f => f.Day).HasMaxLength(10);
            e.Property(f => f.ClearNote).HasMaxLength(ContactDisclosure.NoteMaxLength);
            // One open flag per employer, even when two requests pass the limit at once.
            e.HasIndex(f => f.EmployerId).IsUnique().HasFilter(Filter("ClearedAt", "IS NULL"));
            e.HasIndex(f => f.FlaggedAt);
        });

        modelBuilder.Entity<Statistics.StatCell>(e =>
        {
            // Every statistics read is one period and one metric; the rest of a query's filters are cheap on those rows.
            e.HasIndex(c => new { c.Period, c.Metric, c.Scope });
        });

        modelBuilder.Entity<Statistics.StatPeriodRun>(e => e.HasKey(r => r.Period));

        modelBuilder.Entity<Application>(e =>
        {
            e.HasIndex(a => new { a.PostingId, a.ResumeId }).IsUnique();
            e.HasIndex(a => new { a.ResumeId, a.EmployerId });
            e.HasOne<Posting>().WithMany().HasForeignKey(a => a.PostingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Resume>().WithMany().HasForeignKey(a => a.ResumeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.PostingId, a.Stage });
            // Two people moving one application at once: the second save finds the stage changed and is refused, not merged.
            e.Property(a => a.Stage).IsConcurrencyToken();
        });

        modelBuilder.Entity<ApplicationStageChange>(e =>
        {
            e.Property(c => c.CityCode).HasMaxLength(40);
            e.Property(c => c.Note).HasMaxLength(ApplicationService.NoteMaxLength);
            e.Property(c => c.InterviewPlace).HasMaxLength(ApplicationService.PlaceMaxLength);
            e.Property(c => c.InterviewLink).HasMaxLength(ApplicationService.LinkMaxLength);
            e.Property(c => c.InterviewMessage).HasMaxLength(ApplicationService.MessageMaxLength);
            e.HasIndex(c => new { c.ApplicationId, c.Id });
            // The data platform counts interviews and offers per city and period.
            e.HasIndex(c => new { c.CityCode, c.At });
            e.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Jobs.Core.Postings.Compliance.ComplianceFinding>(e =>
        {
            e.Property(f => f.Rule).HasMaxLength(40);
            e.Property(f => f.Field).HasMaxLength(40);
            e.Property(f => f.Words).HasMaxLength(Jobs.Core.Postings.Compliance.ComplianceFinding.WordsMaxLength);
            e.HasIndex(f => f.PostingId);
            e.HasOne<Posting>().WithMany().HasForeignKey(f => f.PostingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Jobs.Core.Postings.Compliance.ComplianceReview>(e =>
        {
            e.Property(r => r.Reason).HasMaxLength(Jobs.Core.Postings.Compliance.ComplianceReview.ReasonMaxLength);
            e.HasIndex(r => new { r.PostingId, r.Id });
            e.HasOne<Posting>().WithMany().HasForeignKey(r => r.PostingId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CityRecord>(e =>
        {
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(40);
        });

        modelBuilder.Entity<SchemaInfo>(e => e.HasKey(s => s.Id));

        modelBuilder.Entity<Notification>(e =>
        {
            e.Property(n => n.Kind).HasMaxLength(40);
            e.Property(n => n.Title).HasMaxLength(200);
            e.Property(n => n.DedupKey).HasMaxLength(200);
            e.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
            e.HasIndex(n => new { n.UserId, n.ReadAt });
            e.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
            e.OwnsMany(n => n.Postings, p => p.ToJson());
        });

        modelBuilder.Entity<AlertSubscription>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(100);
            e.HasIndex(a => a.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
            e.OwnsOne(a => a.Criteria, c => c.ToJson());
        });

        modelBuilder.Entity<AlertedPosting>(e =>
        {
            e.HasKey(a => new { a.UserId, a.PostingId });
            e.HasIndex(a => a.SubscriptionId);
        });

        modelBuilder.Entity<Imports.ImportRun>(e =>
        {
            e.Property(r => r.SourceCity).HasMaxLength(40);
            e.Property(r => r.FileName).HasMaxLength(260);
            e.HasIndex(r => new { r.SourceCity, r.Id });
        });

        modelBuilder.Entity<Imports.ImportProblem>(e =>
        {
            e.HasIndex(p => new { p.RunId, p.Kind, p.Line });
            e.HasOne<Imports.ImportRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Imports.PostingSource>(e =>
        {
            e.HasKey(s => new { s.SourceCity, s.ExternalId });
            e.Property(s => s.SourceCity).HasMaxLength(40);
            e.Property(s => s.ExternalId).HasMaxLength(100);
            e.HasIndex(s => s.PostingId);
            e.HasIndex(s => s.DuplicateKey);
            e.HasOne<Posting>().WithMany().HasForeignKey(s => s.PostingId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DistributedLockRow>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Jobs.Core.Fairs.Fair>(e =>
        {
            e.Property(f => f.Title).HasMaxLength(Jobs.Core.Fairs.FairRules.TitleMaxLength);
            e.Property(f => f.Venue).HasMaxLength(Jobs.Core.Fairs.FairRules.VenueMaxLength);
            e.Property(f => f.HostCityCode).HasMaxLength(40);
            e.Property(f => f.RegionCode).HasMaxLength(40);
            e.Property(f => f.TicketSalt).HasMaxLength(64);
            e.HasIndex(f => new { f.HostCityCode, f.StartsAt });
            e.HasIndex(f => new { f.State, f.StartsAt });
            e.HasIndex(f => f.SeasonId);
            e.OwnsOne(f => f.Report, r => r.ToJson());
        });

        modelBuilder.Entity<Jobs.Core.Fairs.FairSeason>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(Jobs.Core.Fairs.FairRules.TitleMaxLength);
            e.Property(s => s.RegionCode).HasMaxLength(40);
        });

        modelBuilder.Entity<Jobs.Core.Fairs.BoothApplication>(e =>
        {
            e.Property(b => b.EmployerCityCode).HasMaxLength(40);
            e.HasIndex(b => new { b.FairId, b.EmployerId }).IsUnique();
            e.HasIndex(b => new { b.FairId, b.Status, b.AppliedAt });
            e.HasOne<Jobs.Core.Fairs.Fair>().WithMany().HasForeignKey(b => b.FairId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Employer>().WithMany().HasForeignKey(b => b.EmployerId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Jobs.Core.Fairs.FairSeatCounter>(e =>
        {
            e.HasKey(c => c.FairId);
            e.Property(c => c.FairId).ValueGeneratedNever();
        });

        modelBuilder.Entity<Jobs.Core.ChangeLog.IndexChange>(e => e.HasIndex(c => c.At));

        modelBuilder.Entity<Jobs.Core.Fairs.FairRegistration>(e =>
        {
            // One registration per person per fair, one arrival number per fair, one holder per ticket: the database refuses a
            // double booking even if a bug upstream tried one.
            e.HasIndex(r => new { r.FairId, r.UserId }).IsUnique();
            e.HasIndex(r => new { r.FairId, r.Seq }).IsUnique();
            e.HasIndex(r => r.Ticket).IsUnique().HasFilter(Filter("Ticket", "IS NOT NULL"));
            e.HasIndex(r => new { r.FairId, r.Status, r.Seq });
            e.HasIndex(r => r.UserId);
            e.Property(r => r.Ticket).HasMaxLength(20);
            e.Property(r => r.TeamName).HasMaxLength(Jobs.Core.Fairs.FairRules.TeamNameMaxLength);
            e.Property(r => r.ProjectName).HasMaxLength(Jobs.Core.Fairs.FairRules.TeamNameMaxLength);
            e.OwnsMany(r => r.Members, m => m.ToJson());
            e.HasOne<Jobs.Core.Fairs.Fair>().WithMany().HasForeignKey(r => r.FairId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>
    /// A partial index's condition. PostgreSQL folds unquoted names to lower case, so it needs the column quoted; SQLite files
    /// keep the unquoted text their upgrade steps wrote (the upgrade test compares it with a fresh file's).
    /// </summary>
    private string Filter(string column, string condition) => Database.IsNpgsql() ? $"\"{column}\" {condition}" : $"{column} {condition}";

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>
/// Models are cached per context type and provider (SQLite and PostgreSQL models differ in collations); contexts with contact encryption are keyed by their cipher too, because the cipher's
/// key ring belongs to one host (two hosts in one process, as in the tests, each get a model with their own keys).
/// </summary>
public sealed class CipherModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, (context as JobsDbContext)?.ContactCipher, designTime);
}

/// <summary>A configured city mirrored into the database so reports and joins can use it.</summary>
public sealed class CityRecord
{
    public required string Code { get; set; }

    public required string RegionCode { get; set; }

    public required string Name { get; set; }

    public required string FullName { get; set; }

    public required string NameTraditional { get; set; }

    public required string Pinyin { get; set; }

    public required string Province { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }
}

/// <summary>One row recording which schema version the database file is at.</summary>
public sealed class SchemaInfo
{
    public int Id { get; set; }

    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }
}
