using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;

namespace Jobs.Api.Infrastructure;

/// <summary>
/// Input checks every JSON request body gets before a handler sees it, so no value can reach a handler, SQLite, ICU or
/// Lucene in a shape they fail on: strings with an unpaired surrogate (<c>"\ud800"</c>, refused by the reader and named here)
/// and <c>null</c> elements in lists whose element type is not nullable (<c>"slots": [null]</c>). Both answer 400 naming the field.
/// </summary>
public static class JsonInputValidation
{
    public static IServiceCollection AddJobsJsonInputValidation(this IServiceCollection services) =>
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(RejectNullElements);
        });

    /// <summary>
    /// The reader refuses to turn an unpaired surrogate escape (or bytes that are not UTF-8) into a string, but only with an
    /// <see cref="InvalidOperationException"/> inside the serializer's <see cref="JsonException"/>, which otherwise reads as a
    /// wrong type. A custom string converter could say so directly, but OpenAPI then no longer knows the fields are strings.
    /// </summary>
    public static string? InvalidTextReason(JsonException json) => json.InnerException is InvalidOperationException inner
        // System.Text.Json's own wording, the only thing that tells these apart; the surrogate tests notice if it changes.
        && inner.Message.Contains("UTF-16", StringComparison.Ordinal)
            ? inner.Message.Contains("UTF-8", StringComparison.Ordinal) ? "含有无效的字符（不是有效的 UTF-8）" : UnpairedSurrogate
            : null;

    public const string UnpairedSurrogate = "含有无效的字符（不成对的代理项）";

    /// <summary>Adds a check after each object is read: no list property whose elements are declared non-nullable holds a null.</summary>
    private static void RejectNullElements(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = type.Properties
            .Where(p => p.Get is not null && p.AttributeProvider is PropertyInfo or FieldInfo && HasNonNullableReferenceElements(p))
            .Select(p => (p.Name, Get: p.Get!))
            .ToArray();
        if (lists.Length == 0)
        {
            return;
        }

        var previous = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (name, get) in lists)
            {
                if (get(value) is not IEnumerable items)
                {
                    continue;
                }

                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        throw new JsonFieldException($"{name}[{index}]", "不能为 null");
                    }

                    index++;
                }
            }
        };
    }

    private static bool HasNonNullableReferenceElements(JsonPropertyInfo property)
    {
        var elementType = property.PropertyType.IsArray
            ? property.PropertyType.GetElementType()
            : property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments() is [var single]
                && typeof(IEnumerable<>).MakeGenericType(single).IsAssignableFrom(property.PropertyType)
                ? single
                : null;
        if (elementType is null || elementType.IsValueType || property.PropertyType == typeof(string))
        {
            // Value-type elements cannot be null: the serializer already refuses [null] for long[] with a 400.
            return false;
        }

        var context = new NullabilityInfoContext();
        var info = property.AttributeProvider switch
        {
            PropertyInfo p => context.Create(p),
            FieldInfo f => context.Create(f),
            _ => null,
        };
        var element = info?.ElementType ?? (info?.GenericTypeArguments is [var argument] ? argument : null);
        return element is { ReadState: NullabilityState.NotNull };
    }
}

/// <summary>A JSON value the serializer could read but the API refuses; <see cref="JsonException.Path"/> locates it.</summary>
public sealed class JsonFieldException(string? member, string reason) : JsonException(reason)
{
    /// <summary>The offending member below <see cref="JsonException.Path"/> (an element of a list the object holds), if any.</summary>
    public string? Member { get; } = member;

    public string Reason { get; } = reason;

    /// <summary>The field as the client wrote it (<c>slots[0]</c>, <c>slots[0].themes[1]</c>); null for the body itself.</summary>
    public string? Field
    {
        get
        {
            var path = Path is null or "$" ? "" : Path.StartsWith("$.", StringComparison.Ordinal) ? Path[2..] : Path.TrimStart('$');
            return (path, Member) switch
            {
                ("", null) => null,
                ("", var m) => m,
                (var p, null) => p,
                (var p, var m) => $"{p}.{m}",
            };
        }
    }
}
