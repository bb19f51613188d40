using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Privacy;

/// <summary>One contact field someone saw, as the graduate (or an auditing admin) reads it.</summary>
public sealed record ContactViewEntry(ContactView View, string ViewerName);

/// <summary>An employer's flag with the employer's name.</summary>
public sealed record ContactFlagEntry(ContactRevealFlag Flag, string EmployerName);

/// <summary>
/// The one place that decides what contact data a response carries and records what it reveals. Lists and search results
/// never carry contact data (harvesting by paging is impossible by construction); a single résumé or application opened by
/// someone entitled does, and every field shown to anyone but the owner is written down (<see cref="ContactView"/>).
/// ID numbers go to the owner and admins only. An employer passing <see cref="ContactPrivacyOptions.ContactRevealsPerDay"/>
/// distinct graduates in a day is stopped and flagged until an admin clears it.
/// </summary>
public sealed class ContactDisclosure(JobsDbContext db, TimeProvider clock, IOptions<ContactPrivacyOptions> options)
{
    public const int WhereMaxLength = 200;
    public const int NoteMaxLength = 500;

    private readonly ContactPrivacyOptions _options = options.Value;

    public const string NotEntitledNotice = "联系方式未公开：毕业生投递贵单位的职位，或在简历中选择向企业公开后，打开单份简历或投递才能看到。";
    public const string NotInListsNotice = "列表和搜索结果不显示联系方式；请打开单份简历或投递详情查看（每次查看都会记录，毕业生可以看到）。";

    public string StoppedNotice =>
        $"贵单位今天查看联系方式的毕业生人数超过了上限（每天 {_options.ContactRevealsPerDay} 人），联系方式已暂停显示，并已提交平台管理员核查；核查解除后恢复。";

    /// <summary>The owner's own résumé: everything, nothing recorded.</summary>
    public static ResumeView ForOwner(Resume resume) => new(resume, Copy(resume.Contact, withIdNumber: true), ContactState.Shown, true);

    /// <summary>A résumé in a list or search result: never contact data.</summary>
    public ResumeView ForList(Actor actor, Resume resume, bool appliedToActorsEmployer)
    {
        var state = ResumeAccess.CanSeeContact(actor, resume, appliedToActorsEmployer) ? ContactState.NotInLists : ContactState.NotEntitled;
        return Masked(actor, resume, state);
    }

    /// <summary>
    /// One résumé opened on its own (a résumé or application detail): the contact data the reader is entitled to, recorded
    /// field by field under <paramref name="where"/> (the API path or page address), within the employer's daily limit.
    /// </summary>
    public async Task<ResumeView> RevealAsync(Actor actor, Resume resume, bool appliedToActorsEmployer, string where, CancellationToken cancellationToken)
    {
        if (ResumeAccess.IsOwner(actor, resume))
        {
            return ForOwner(resume);
        }

        if (!ResumeAccess.CanSeeContact(actor, resume, appliedToActorsEmployer))
        {
            return Masked(actor, resume, ContactState.NotEntitled);
        }

        var shown = Copy(resume.Contact, withIdNumber: actor.IsAdmin);
        var fields = new List<string>();
        if (shown.Phone is not null)
        {
            fields.Add(ContactFields.Phone);
        }

        if (shown.Email is not null)
        {
            fields.Add(ContactFields.Email);
        }

        if (shown.IdNumber is not null)
        {
            fields.Add(ContactFields.IdNumber);
        }

        var employerId = actor.IsEmployer ? actor.EmployerId : null;
        if (fields.Count > 0 && employerId is { } employer && !await WithinLimitAsync(employer, resume.Id, cancellationToken))
        {
            return Masked(actor, resume, ContactState.Stopped);
        }

        if (fields.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var place = where.Length <= WhereMaxLength ? where : where[..WhereMaxLength];
            db.ContactViews.AddRange(fields.Select(f => new ContactView
            {
                ResumeId = resume.Id, OwnerUserId = resume.OwnerUserId, ViewerUserId = actor.UserId, EmployerId = employerId, Field = f,
                Where = place, At = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ResumeView(resume, shown, ContactState.Shown, ResumeAccess.CanSeeFullName(actor));
    }

    /// <summary>Who saw the signed-in graduate's contact data, newest first.</summary>
    public async Task<PagedResult<ContactViewEntry>> ListForOwnerAsync(long ownerUserId, PageRequest page, CancellationToken cancellationToken) =>
        await PageAsync(db.ContactViews.AsNoTracking().Where(v => v.OwnerUserId == ownerUserId), page, cancellationToken);

    /// <summary>What one employer's people saw, newest first (admins' audit).</summary>
    public async Task<PagedResult<ContactViewEntry>> ListForEmployerAsync(long employerId, PageRequest page, CancellationToken cancellationToken) =>
        await PageAsync(db.ContactViews.AsNoTracking().Where(v => v.EmployerId == employerId), page, cancellationToken);

    /// <summary>Flags, open ones first, newest first within each.</summary>
    public async Task<PagedResult<ContactFlagEntry>> ListFlagsAsync(bool openOnly, PageRequest page, CancellationToken cancellationToken)
    {
        var flags = db.ContactRevealFlags.AsNoTracking();
        if (openOnly)
        {
            flags = flags.Where(f => f.ClearedAt == null);
        }

        var total = await flags.CountAsync(cancellationToken);
        var rows = await (from f in flags.OrderBy(f => f.ClearedAt == null ? 0 : 1).ThenByDescending(f => f.Id).Skip(page.Skip).Take(page.PageSize)
                          join e in db.Employers.AsNoTracking() on f.EmployerId equals e.Id into employers
                          from e in employers.DefaultIfEmpty()
                          select new { f, Name = e == null ? null : e.Name }).ToListAsync(cancellationToken);
        return new PagedResult<ContactFlagEntry>(total, page.Page, page.PageSize,
            rows.Select(x => new ContactFlagEntry(x.f, x.Name ?? $"企业 {x.f.EmployerId}")).ToList());
    }

    /// <summary>An admin clears a flag; the employer's count for the day starts again from that moment.</summary>
    public async Task<ServiceResult<ContactFlagEntry>> ClearFlagAsync(Actor actor, long id, string? note, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceResult<ContactFlagEntry>.Forbidden("只有平台管理员可以解除标记");
        }

        var flag = await db.ContactRevealFlags.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (flag is null)
        {
            return ServiceResult<ContactFlagEntry>.NotFound($"标记 {id} 不存在");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > NoteMaxLength })
        {
            return ServiceResult<ContactFlagEntry>.Invalid(ValidationErrors.Single("note", $"说明最多 {NoteMaxLength} 个字符"));
        }

        if (flag.ClearedAt is not null)
        {
            return ServiceResult<ContactFlagEntry>.Conflict("该标记已经解除");
        }

        flag.ClearedAt = clock.GetUtcNow().UtcDateTime;
        flag.ClearedByUserId = actor.UserId;
        flag.ClearNote = text;
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Employers.AsNoTracking().Where(e => e.Id == flag.EmployerId).Select(e => e.Name).SingleOrDefaultAsync(cancellationToken);
        return ServiceResult<ContactFlagEntry>.Ok(new ContactFlagEntry(flag, name ?? $"企业 {flag.EmployerId}"));
    }

    /// <summary>Whether the employer is stopped (an open flag) right now.</summary>
    public Task<bool> IsStoppedAsync(long employerId, CancellationToken cancellationToken) =>
        db.ContactRevealFlags.AnyAsync(f => f.EmployerId == employerId && f.ClearedAt == null, cancellationToken);

    /// <summary>
    /// A graduate already revealed to the employer today costs nothing more; a new one is allowed while fewer than the limit
    /// were revealed since the local midnight (or since an admin last cleared a flag, if later). Passing it opens a flag.
    /// </summary>
    private async Task<bool> WithinLimitAsync(long employerId, long resumeId, CancellationToken cancellationToken)
    {
        if (await IsStoppedAsync(employerId, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var zone = _options.Zone;
        var localToday = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date;
        var since = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localToday, DateTimeKind.Unspecified), zone);
        var lastCleared = await db.ContactRevealFlags.Where(f => f.EmployerId == employerId && f.ClearedAt != null)
            .MaxAsync(f => f.ClearedAt, cancellationToken);
        if (lastCleared is { } cleared && cleared > since)
        {
            since = cleared;
        }

        var views = db.ContactViews.Where(v => v.EmployerId == employerId && v.At >= since);
        if (await views.AnyAsync(v => v.ResumeId == resumeId, cancellationToken))
        {
            return true;
        }

        var revealed = await views.Select(v => v.ResumeId).Distinct().CountAsync(cancellationToken);
        if (revealed < _options.ContactRevealsPerDay)
        {
            return true;
        }

        db.ContactRevealFlags.Add(new ContactRevealFlag
        {
            EmployerId = employerId, Day = localToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), FlaggedAt = now, Revealed = revealed,
            Limit = _options.ContactRevealsPerDay,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request flagged the employer at the same moment; one open flag is kept (unique index) and it stands.
            db.ChangeTracker.Entries<ContactRevealFlag>().Where(e => e.State == EntityState.Added).ToList().ForEach(e => e.State = EntityState.Detached);
        }

        return false;
    }

    private ResumeView Masked(Actor actor, Resume resume, ContactState state) =>
        new(resume, null, state, ResumeAccess.CanSeeFullName(actor))
        {
            ContactNotice = state switch
            {
                ContactState.NotInLists => NotInListsNotice,
                ContactState.Stopped => StoppedNotice,
                _ => NotEntitledNotice,
            },
        };

    private static ContactDetails Copy(ContactDetails contact, bool withIdNumber) =>
        new() { Phone = contact.Phone, Email = contact.Email, IdNumber = withIdNumber ? contact.IdNumber : null };

    private async Task<PagedResult<ContactViewEntry>> PageAsync(IQueryable<ContactView> views, PageRequest page, CancellationToken cancellationToken)
    {
        var total = await views.CountAsync(cancellationToken);
        var rows = await (from v in views.OrderByDescending(v => v.Id).Skip(page.Skip).Take(page.PageSize)
                          join e in db.Employers.AsNoTracking() on v.EmployerId equals e.Id into employers
                          from e in employers.DefaultIfEmpty()
                          select new { v, Name = e == null ? null : e.Name }).ToListAsync(cancellationToken);
        return new PagedResult<ContactViewEntry>(total, page.Page, page.PageSize, rows.OrderByDescending(x => x.v.Id)
            .Select(x => new ContactViewEntry(x.v, x.Name ?? (x.v.EmployerId is null ? "平台管理员" : $"企业 {x.v.EmployerId}"))).ToList());
    }

    /// <summary>A short Chinese name for where the data went out (投递详情（网页）).</summary>
    public static string WhereLabel(string where)
    {
        var what = where.Contains("/applications/", StringComparison.Ordinal) ? "投递详情"
            : where.Contains("/resumes/", StringComparison.Ordinal) ? "简历详情" : "其他";
        return what + (where.StartsWith("/api/", StringComparison.Ordinal) ? "（接口）" : "（网页）");
    }
}
