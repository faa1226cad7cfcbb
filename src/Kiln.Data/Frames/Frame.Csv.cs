namespace Kiln.Data;

public sealed partial class Frame
{
    /// <summary>Reads a CSV file (pandas' <c>read_csv</c>); see <see cref="CsvOptions"/> for the choices.</summary>
    public static Frame ReadCsv(string path, CsvOptions? options = null, CancellationToken cancellationToken = default) =>
        CsvReader.Read(path, options, cancellationToken);

    /// <summary>Writes the frame as CSV, atomically: a reader never sees half a file.</summary>
    public void WriteCsv(string path, char separator = ',') => CsvWriter.Write(this, path, separator);
}
