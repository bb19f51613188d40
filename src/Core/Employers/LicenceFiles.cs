using Jobs.Core.Storage;

namespace Jobs.Core.Employers;

/// <summary>A licence file as uploaded: its bytes are read once and checked before anything is stored.</summary>
public sealed record LicenceUpload(Stream Content, string? FileName, long Length);

/// <summary>
/// Business-licence files: recognised by their first bytes (never by name or the browser's content type) and kept in the
/// data directory's licence folder, outside anything the web server serves by itself.
/// </summary>
public sealed class LicenceFiles(DataPaths paths)
{
    public const string Folder = "licences";

    private static readonly (byte[] Magic, string ContentType, string Extension)[] Kinds =
    [
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
    ];

    public string Directory => paths.PathFor(Folder);

    /// <summary>The content type and extension the bytes start with; null when they are none of JPEG, PNG, PDF.</summary>
    public static (string ContentType, string Extension)? Recognise(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, type, ext) in Kinds)
        {
            if (head.StartsWith(magic))
            {
                return (type, ext);
            }
        }

        return null;
    }

    /// <summary>Writes the bytes under a new random name; returns that name.</summary>
    public async Task<string> SaveAsync(long employerId, byte[] bytes, string extension, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{employerId}-{Guid.NewGuid():N}{extension}";
        var path = Path.Combine(Directory, name);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return name;
    }

    /// <summary>The full path of a stored file; null when the name is not one this class made or the file is gone.</summary>
    public string? PathOf(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? path : null;
    }

    public void Delete(string name)
    {
        if (PathOf(name) is { } path)
        {
            File.Delete(path);
        }
    }
}
