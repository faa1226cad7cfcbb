namespace Kiln.Serving;

/// <summary>What a served model predicts from: rows of named fields (JSON or CSV) or image files.</summary>
public enum ServedInputKind
{
    Rows,
    Images,
}
