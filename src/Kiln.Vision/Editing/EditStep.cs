namespace Kiln.Vision.Editing;

/// <summary>One parsed step of an <see cref="EditPipeline"/>: the operation, its arguments and the text it was written as.</summary>
public sealed record EditStep(EditOperation Operation, EditArguments Arguments, string Text);
