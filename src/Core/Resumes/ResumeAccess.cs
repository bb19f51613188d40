using Jobs.Core.Common;

namespace Jobs.Core.Resumes;

/// <summary>
/// Who may read a résumé and who may see its contact data. Contact data goes only to the owner, admins, and verified employers
/// the graduate applied to or opened it to; never to anonymous visitors, never to organisers or other employers.
/// What a response then carries (never in lists, no ID number for employers, the daily limit, the record) is
/// <see cref="Privacy.ContactDisclosure"/>'s decision.
/// </summary>
public static class ResumeAccess
{
    public static bool CanRead(Actor actor, Resume resume, bool appliedToActorsEmployer)
    {
        if (IsOwner(actor, resume) || actor.IsAdmin)
        {
            return true;
        }

        // An account being closed (or erased) shows its résumé to nobody else, not even employers it applied to.
        if (resume.HiddenReason is ResumeHiddenReason.DeletionRequested or ResumeHiddenReason.Erased)
        {
            return false;
        }

        return resume.Visibility switch
        {
            ResumeVisibility.Public => true,
            ResumeVisibility.EmployersOnly => actor.IsEmployer || actor.IsOrganiser || appliedToActorsEmployer,
            _ => actor.IsEmployer && appliedToActorsEmployer,
        };
    }

    public static bool CanSeeContact(Actor actor, Resume resume, bool appliedToActorsEmployer)
    {
        if (IsOwner(actor, resume) || actor.IsAdmin)
        {
            return true;
        }

        if (!actor.IsEmployer || !actor.EmployerVerified || resume.HiddenReason is ResumeHiddenReason.DeletionRequested or ResumeHiddenReason.Erased)
        {
            return false;
        }

        return appliedToActorsEmployer
            || (resume.ContactVisibleToEmployers && resume.Visibility != ResumeVisibility.Hidden);
    }

    /// <summary>Anonymous visitors see a surname and 同学 instead of the full name.</summary>
    public static bool CanSeeFullName(Actor actor) => actor.IsAuthenticated;

    public static bool IsOwner(Actor actor, Resume resume) => actor.UserId is { } id && id == resume.OwnerUserId;

    public static string MaskName(string fullName) => fullName.Length == 0 ? "同学" : SurnameOf(fullName) + "同学";

    private static string SurnameOf(string fullName)
    {
        // Two-character compound surnames appear often enough in demo and real data to get right.
        string[] compound = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "端木", "长孙"];
        return compound.FirstOrDefault(c => fullName.StartsWith(c, StringComparison.Ordinal)) ?? fullName[..1];
    }
}
