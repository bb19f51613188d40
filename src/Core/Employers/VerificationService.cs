using Jobs.Core.ChangeLog;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Employers;

public sealed record VerificationDraft(string? CreditCode, string? LegalName, string? City);

/// <summary>An employer's verification state and its history, newest first.</summary>
public sealed record VerificationState(Employer Employer, IReadOnlyList<VerificationSubmission> History);

/// <summary>One submission with the employer it belongs to, as reviewers see it.</summary>
public sealed record SubmissionView(VerificationSubmission Submission, Employer Employer);

public sealed record LicenceDownload(string Path, string ContentType, string FileName);

/// <summary>
/// Employer verification: an employer submits its licence and identity, an organiser of its city (or an admin) approves or
/// rejects. Only verified employers' postings go public (<see cref="PostingHolds.EmployerUnverified"/>) and only they see
/// contact data (<see cref="VerifiedEmployers"/>).
/// </summary>
public sealed class VerificationService(
    JobsDbContext db,
    EmployerService employers,
    LicenceFiles licences,
    VerifiedEmployers verified,
    TimeProvider clock,
    IOptions<VerificationOptions> options,
    IEnumerable<IPostingChangeObserver> postingObservers)
{
    public const int ReasonMaxLength = 500;

    public async Task<ServiceResult<VerificationState>> GetStateAsync(Actor actor, long employerId, CancellationToken cancellationToken)
    {
        var employer = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, cancellationToken);
        if (employer is null)
        {
            return ServiceResult<VerificationState>.NotFound($"企业 {employerId} 不存在");
        }

        if (!(actor.IsEmployer && actor.EmployerId == employerId) && !actor.ActsForCity(employer.CityCode))
        {
            return ServiceResult<VerificationState>.Forbidden("只有本企业、所在城市的组织方或管理员可以查看认证情况");
        }

        var history = await db.VerificationSubmissions.AsNoTracking().Where(s => s.EmployerId == employerId)
            .OrderByDescending(s => s.Id).Take(50).ToListAsync(cancellationToken);
        return ServiceResult<VerificationState>.Ok(new VerificationState(employer, history));
    }

    public async Task<ServiceResult<VerificationSubmission>> SubmitAsync(Actor actor, long employerId, VerificationDraft draft, LicenceUpload? licence,
        CancellationToken cancellationToken)
    {
        var current = await db.Employers.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employerId, cancellationToken);
        if (current is null)
        {
            return ServiceResult<VerificationSubmission>.NotFound($"企业 {employerId} 不存在");
        }

        if (!actor.IsAdmin && !(actor.IsEmployer && actor.EmployerId == employerId))
        {
            return ServiceResult<VerificationSubmission>.Forbidden("只能为本企业提交认证材料");
        }

        if (current.Verification == VerificationStatus.Verified)
        {
            return ServiceResult<VerificationSubmission>.Conflict("企业已通过认证，无需再次提交；更改名称、信用代码或城市后会自动重新审核");
        }

        var errors = new ValidationErrors();
        var identity = new ValidationErrors();
        var valid = employers.ValidateNew(
            new EmployerDraft(draft.LegalName, draft.CreditCode, draft.City, current.Industry, current.Size, current.Description), identity, "");
        foreach (var (field, messages) in identity.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(field == EmployerFields.Name ? "legalName" : field, message);
            }
        }

        byte[]? bytes = null;
        (string ContentType, string Extension)? kind = null;
        var max = options.Value.LicenceMaxBytes;
        if (licence is null || licence.Length == 0)
        {
            errors.Add("licence", "请上传营业执照（JPG、PNG 或 PDF 文件）");
        }
        else if (licence.Length > max)
        {
            errors.Add("licence", $"营业执照文件不能超过 {FormatSize(max)}（当前 {FormatSize(licence.Length)}）");
        }
        else
        {
            bytes = await ReadAtMostAsync(licence.Content, max, cancellationToken);
            kind = bytes is null ? null : LicenceFiles.Recognise(bytes);
            if (bytes is null)
            {
                errors.Add("licence", $"营业执照文件不能超过 {FormatSize(max)}");
            }
            else if (kind is null)
            {
                errors.Add("licence", "营业执照须为 JPG、PNG 图片或 PDF 文件（按文件内容识别，改扩展名无效）");
            }
        }

        if (!errors.IsEmpty || valid is null || bytes is null || kind is null)
        {
            return ServiceResult<VerificationSubmission>.Invalid(errors);
        }

        if (valid.CreditCode != current.CreditCode
            && await db.Employers.AnyAsync(e => e.CreditCode == valid.CreditCode && e.Id != employerId, cancellationToken))
        {
            return ServiceResult<VerificationSubmission>.Conflict("该统一社会信用代码已有企业注册");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (valid.CityCode != current.CityCode && await employers.BoothStatusWouldChangeAsync(employerId, valid.CityCode, now, cancellationToken) is { } fairs)
        {
            return ServiceResult<VerificationSubmission>.Conflict(
                $"本企业在{string.Join("、", fairs.Select(t => $"“{t}”"))}有待审核或已分配的展位申请，不能在认证时更改所在城市；请先撤回这些申请");
        }

        var file = await licences.SaveAsync(employerId, bytes, kind.Value.Extension, cancellationToken);
        VerificationSubmission submission;
        bool renamed;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var employer = await db.Employers.SingleAsync(e => e.Id == employerId, cancellationToken);
            if (employer.Verification == VerificationStatus.Verified)
            {
                licences.Delete(file);
                return ServiceResult<VerificationSubmission>.Conflict("企业已通过认证，无需再次提交");
            }

            // The submitted identity becomes the employer's: what is approved is what graduates see. Recorded like any change.
            void Record(string field, string? before, string? after)
            {
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    db.EmployerChanges.Add(new EmployerChange
                    {
                        EmployerId = employerId, Field = field, OldValue = before, NewValue = after, ActorUserId = actor.UserId, ChangedAt = now,
                    });
                }
            }

            renamed = employer.Name != valid.Name;
            Record(EmployerFields.Name, employer.Name, valid.Name);
            Record(EmployerFields.CreditCode, employer.CreditCode, valid.CreditCode);
            Record(EmployerFields.City, employer.CityCode, valid.CityCode);
            employer.Name = valid.Name;
            employer.CreditCode = valid.CreditCode;
            employer.CityCode = valid.CityCode;

            await SupersedePendingAsync(employerId, cancellationToken);
            submission = new VerificationSubmission
            {
                EmployerId = employerId,
                Source = VerificationSource.Employer,
                CreditCode = valid.CreditCode,
                LegalName = valid.Name,
                CityCode = valid.CityCode,
                LicenceFile = file,
                LicenceContentType = kind.Value.ContentType,
                LicenceBytes = bytes.Length,
                LicenceOriginalName = CleanFileName(licence!.FileName, kind.Value.Extension),
                SubmittedBy = actor.UserId,
                SubmittedAt = now,
                Status = SubmissionStatus.Pending,
            };
            db.VerificationSubmissions.Add(submission);
            employer.Verification = VerificationStatus.Pending;
            if (renamed)
            {
                // Postings carry the employer's name in the index.
                IndexChangeLog.Add(db, IndexChangeKind.Posting,
                    await db.Postings.AsNoTracking().Where(p => p.EmployerId == employerId).Select(p => p.Id).ToListAsync(cancellationToken), now);
            }

            await IndexChangeLog.SaveAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            licences.Delete(file);
            return ServiceResult<VerificationSubmission>.Conflict("该统一社会信用代码已有企业注册");
        }

        verified.Forget(employerId);
        if (renamed)
        {
            await NotifyAsync(await db.Postings.AsNoTracking().Where(p => p.EmployerId == employerId).Select(p => p.Id).ToListAsync(cancellationToken),
                cancellationToken);
        }

        return ServiceResult<VerificationSubmission>.Created(submission);
    }

    /// <summary>Submissions for reviewers: organisers see their own city only, admins any city (or all).</summary>
    public async Task<ServiceResult<PagedResult<SubmissionView>>> ListAsync(Actor actor, SubmissionStatus? status, string? cityCode, PageRequest page,
        CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin && !actor.IsOrganiser)
        {
            return ServiceResult<PagedResult<SubmissionView>>.Forbidden("只有组织方或管理员可以审核企业认证");
        }

        if (actor.IsOrganiser)
        {
            if (cityCode is not null && !actor.ActsForCity(cityCode))
            {
                return ServiceResult<PagedResult<SubmissionView>>.Forbidden("组织方只能查看本市企业的认证申请");
            }

            cityCode = actor.CityCode;
        }

        var query = db.VerificationSubmissions.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(x => x.Status == s);
        }

        if (cityCode is not null)
        {
            query = query.Where(x => x.CityCode == cityCode);
        }

        var total = await query.CountAsync(cancellationToken);
        // Pending first-come first-served; decided ones newest first.
        var ordered = status == SubmissionStatus.Pending ? query.OrderBy(x => x.Id) : query.OrderByDescending(x => x.Id);
        var rows = await (from x in ordered.Skip(page.Skip).Take(page.PageSize)
                          join e in db.Employers.AsNoTracking() on x.EmployerId equals e.Id
                          select new SubmissionView(x, e)).ToListAsync(cancellationToken);
        rows = status == SubmissionStatus.Pending
            ? rows.OrderBy(r => r.Submission.Id).ToList()
            : rows.OrderByDescending(r => r.Submission.Id).ToList();
        return ServiceResult<PagedResult<SubmissionView>>.Ok(new PagedResult<SubmissionView>(total, page.Page, page.PageSize, rows));
    }

    public async Task<ServiceResult<SubmissionView>> GetSubmissionAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var view = await (from x in db.VerificationSubmissions.AsNoTracking()
                          join e in db.Employers.AsNoTracking() on x.EmployerId equals e.Id
                          where x.Id == id
                          select new SubmissionView(x, e)).SingleOrDefaultAsync(cancellationToken);
        if (view is null)
        {
            return ServiceResult<SubmissionView>.NotFound($"认证申请 {id} 不存在");
        }

        return ReviewerDenial(actor, view.Submission) is { } denied
            ? ServiceResult<SubmissionView>.Forbidden(denied)
            : ServiceResult<SubmissionView>.Ok(view);
    }

    public async Task<ServiceResult<LicenceDownload>> GetLicenceAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var found = await GetSubmissionAsync(actor, id, cancellationToken);
        if (found.Value is not { } view)
        {
            return found.Status == ServiceStatus.Forbidden
                ? ServiceResult<LicenceDownload>.Forbidden(found.Message!)
                : ServiceResult<LicenceDownload>.NotFound(found.Message ?? $"认证申请 {id} 不存在");
        }

        var s = view.Submission;
        if (licences.PathOf(s.LicenceFile) is not { } path || s.LicenceContentType is null)
        {
            return ServiceResult<LicenceDownload>.NotFound("该认证记录没有营业执照文件");
        }

        return ServiceResult<LicenceDownload>.Ok(new LicenceDownload(path, s.LicenceContentType,
            s.LicenceOriginalName ?? $"licence-{s.Id}{Path.GetExtension(path)}"));
    }

    public async Task<ServiceResult<SubmissionView>> DecideAsync(Actor actor, long id, bool approve, string? reason, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!approve && reason is null)
        {
            return ServiceResult<SubmissionView>.Invalid(ValidationErrors.Single("reason", "驳回时须填写原因，企业会看到它"));
        }

        if (reason is { Length: > ReasonMaxLength })
        {
            return ServiceResult<SubmissionView>.Invalid(ValidationErrors.Single("reason", $"原因最多 {ReasonMaxLength} 个字符"));
        }

        List<long> changed;
        VerificationSubmission submission;
        Employer employer;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var found = await db.VerificationSubmissions.SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (found is null)
            {
                return ServiceResult<SubmissionView>.NotFound($"认证申请 {id} 不存在");
            }

            submission = found;
            if (ReviewerDenial(actor, submission) is { } denied)
            {
                return ServiceResult<SubmissionView>.Forbidden(denied);
            }

            if (submission.Status != SubmissionStatus.Pending)
            {
                return ServiceResult<SubmissionView>.Conflict($"该认证申请{submission.Status.Describe()}，不能再次审核");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            employer = await db.Employers.SingleAsync(e => e.Id == submission.EmployerId, cancellationToken);
            submission.Status = approve ? SubmissionStatus.Approved : SubmissionStatus.Rejected;
            submission.DecidedBy = actor.UserId;
            submission.DecidedAt = now;
            submission.Reason = reason;
            employer.Verification = approve ? VerificationStatus.Verified : VerificationStatus.Rejected;
            changed = await SetHoldAsync(employer.Id, hold: !approve, now, cancellationToken);
            IndexChangeLog.Add(db, IndexChangeKind.Posting, changed, now);
            await IndexChangeLog.SaveAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        verified.Forget(employer.Id);
        await NotifyAsync(changed, cancellationToken);
        return ServiceResult<SubmissionView>.Ok(new SubmissionView(submission, employer));
    }

    /// <summary>The record that a city feed vouched for an employer it created (the employer is saved, verified).</summary>
    public static VerificationSubmission ImportRecord(Employer employer, CityDirectory cities, string sourceCity, long? runBy, DateTime now) => new()
    {
        EmployerId = employer.Id,
        Source = VerificationSource.Import,
        CreditCode = employer.CreditCode,
        LegalName = employer.Name,
        CityCode = employer.CityCode,
        SubmittedBy = runBy,
        SubmittedAt = now,
        Status = SubmissionStatus.Approved,
        DecidedBy = runBy,
        DecidedAt = now,
        Reason = $"由{cities.FindByCode(sourceCity)?.Name ?? sourceCity}城市数据源导入，视为该市已认证",
    };

    private static string? ReviewerDenial(Actor actor, VerificationSubmission submission) =>
        actor.ActsForCity(submission.CityCode) ? null
        : actor.IsOrganiser ? "组织方只能审核本市企业的认证申请" : "只有企业所在城市的组织方或管理员可以审核企业认证";

    private Task SupersedePendingAsync(long employerId, CancellationToken cancellationToken) =>
        SupersedePendingAsync(db, employerId, cancellationToken);

    private Task<List<long>> SetHoldAsync(long employerId, bool hold, DateTime now, CancellationToken cancellationToken) =>
        SetHoldAsync(db, employerId, hold, now, cancellationToken);

    internal static async Task SupersedePendingAsync(JobsDbContext db, long employerId, CancellationToken cancellationToken)
    {
        var pending = await db.VerificationSubmissions.Where(x => x.EmployerId == employerId && x.Status == SubmissionStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var p in pending)
        {
            p.Status = SubmissionStatus.Superseded;
        }
    }

    /// <summary>Sets or clears the unverified hold on every posting of the employer (tracked, saved by the caller).</summary>
    internal static async Task<List<long>> SetHoldAsync(JobsDbContext db, long employerId, bool hold, DateTime now, CancellationToken cancellationToken)
    {
        var postings = await db.Postings.Where(p => p.EmployerId == employerId).ToListAsync(cancellationToken);
        var changed = new List<long>();
        foreach (var p in postings)
        {
            var next = hold ? p.Holds | PostingHolds.EmployerUnverified : p.Holds & ~PostingHolds.EmployerUnverified;
            if (next != p.Holds)
            {
                p.Holds = next;
                p.UpdatedAt = now;
                changed.Add(p.Id);
            }
        }

        return changed;
    }

    private async Task NotifyAsync(IReadOnlyCollection<long> postingIds, CancellationToken cancellationToken)
    {
        if (postingIds.Count == 0)
        {
            return;
        }

        foreach (var observer in postingObservers)
        {
            await observer.PostingsChangedAsync(postingIds, cancellationToken);
        }
    }

    /// <summary>The stream's bytes, or null when it holds more than <paramref name="max"/> (a client may lie about the length).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string CleanFileName(string? name, string extension)
    {
        var baseName = Path.GetFileNameWithoutExtension(name ?? "");
        var safe = new string(baseName.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/' or ';')).ToArray()).Trim();
        if (safe.Length == 0)
        {
            safe = "licence";
        }

        return (safe.Length > 100 ? safe[..100] : safe) + extension;
    }

    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}

/// <summary>
/// A verified or pending employer changed its name, credit code or city (told inside the change's transaction): it goes
/// back to review with the new identity and the licence it last sent, and its postings are held again. The employer service
/// tells the search index about its postings after the commit.
/// </summary>
public sealed class VerificationIdentityObserver(JobsDbContext db, TimeProvider clock, VerifiedEmployers verified) : IEmployerIdentityObserver
{
    public async Task IdentityChangedAsync(Employer employer, IReadOnlyList<EmployerChange> changes, CancellationToken cancellationToken)
    {
        if (employer.Verification is not (VerificationStatus.Verified or VerificationStatus.Pending))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var last = await db.VerificationSubmissions.AsNoTracking().Where(x => x.EmployerId == employer.Id && x.LicenceFile != null)
            .OrderByDescending(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        await VerificationService.SupersedePendingAsync(db, employer.Id, cancellationToken);
        db.VerificationSubmissions.Add(new VerificationSubmission
        {
            EmployerId = employer.Id,
            Source = VerificationSource.IdentityChange,
            CreditCode = employer.CreditCode,
            LegalName = employer.Name,
            CityCode = employer.CityCode,
            LicenceFile = last?.LicenceFile,
            LicenceContentType = last?.LicenceContentType,
            LicenceBytes = last?.LicenceBytes,
            LicenceOriginalName = last?.LicenceOriginalName,
            SubmittedBy = changes.Count > 0 ? changes[0].ActorUserId : null,
            SubmittedAt = now,
            Status = SubmissionStatus.Pending,
        });
        employer.Verification = VerificationStatus.Pending;
        await VerificationService.SetHoldAsync(db, employer.Id, hold: true, now, cancellationToken);
        // Evicted before the commit: a read racing with it may cache "verified" for at most StatusCacheSeconds.
        verified.Forget(employer.Id);
    }
}
