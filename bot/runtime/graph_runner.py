"""Runs a trained model's graph (NLU, then the policies) node by node, without dask.

Rasa hands each message's graph to dask's scheduler, built for spreading work over threads and
machines; for fifteen small steps in a row its bookkeeping cost more than a tenth of the Rasa
server's time per message. This runner computes each node the graph needs once, in dependency
order, on the calling thread, and passes values between nodes exactly as dask does: a node
gets its parents' (name, output) pairs, and the name alone for an input nobody provided.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner


class SequentialGraphRunner(DaskGraphRunner):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._schemas: dict[tuple, GraphSchema] = {}

    def run(self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None) -> dict[str, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        schema = self._minimal_schema(tuple(run_targets))
        results: dict[str, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in schema.nodes:
                raise GraphRunError(f"Input value '{value}' clashes with a node name.")
            results[name] = (name, value)

        def compute(name: str) -> Any:
            if name not in results:
                if name not in schema.nodes:
                    return name  # as dask passes a key it cannot resolve
                parents = [compute(parent) for parent in schema.nodes[name].needs.values()]
                results[name] = self._instantiated_nodes[name](*parents)
            return results[name]

        try:
            return dict(compute(target) for target in run_targets)
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error

    def _minimal_schema(self, targets: tuple) -> GraphSchema:
        """The part of the graph the targets need; the same few target lists come every time."""
        if targets not in self._schemas:
            self._schemas[targets] = self._graph_schema.minimal_graph_schema(list(targets))
        return self._schemas[targets]
