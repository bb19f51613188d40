using Jobs.Core.Common;

namespace Jobs.Web.Shared;

/// <summary>
/// A service's validation messages for a form, looked up by the same field names the API uses ("email",
/// "company.creditCode"), so a page shows exactly what the API would say, next to the field it concerns.
/// </summary>
public sealed class FormErrors
{
    private readonly IReadOnlyDictionary<string, string[]> _errors;

    public FormErrors(ValidationErrors? errors) =>
        _errors = errors?.ToDictionary() ?? new Dictionary<string, string[]>();

    public static FormErrors None { get; } = new(null);

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>Messages for fields the form has no input for, shown at the top so none is lost.</summary>
    public IEnumerable<string> Except(IEnumerable<string> shownFields)
    {
        var shown = shownFields.ToHashSet(StringComparer.Ordinal);
        return _errors.Where(e => !shown.Contains(e.Key)).SelectMany(e => e.Value);
    }
}
