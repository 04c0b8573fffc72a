"""The analyzer engine around the recognizers: Presidio's spaCy engine, context enhancer and
engine provider, each keeping Presidio's behaviour and dropping work that cannot change a
result. `pipelines.deid.engine.build_analyzer` builds the engine with them."""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngineProvider, EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngineProvider, SpacyNlpEngine
from spacy.attrs import IDX, LEMMA
from spacy.tokens import Doc


class ChatSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, reading each doc's lemmas and token offsets as arrays.

    Presidio builds a Python `Token` per word to read `lemma_` and `idx` (about a quarter
    of a millisecond per chat message here); the values are the same.
    """

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        strings = doc.vocab.strings
        arr = doc.to_array([LEMMA, IDX])
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=arr[:, 1].tolist(),
            lemmas=[strings[h] if h else "" for h in arr[:, 0].tolist()],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class LemmaContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma-based context enhancer, skipped where it cannot act.

    It raises a result's score when a recognizer's context word is among the lemmas before
    it. A spaCy pipeline without a lemmatizer (ours runs only the NER: `deidentify.
    spacy_components`) yields empty lemmas, so no context word can match; with no context
    passed by the caller either, the results are returned as they came.
    """

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's enhancement, or the results unchanged when there are no lemmas."""
        if not context and not any(nlp_artifacts.lemmas):
            return raw_results
        return super().enhance_using_context(
            text, raw_results, nlp_artifacts, recognizers, context
        )


class ChatAnalyzerEngineProvider(AnalyzerEngineProvider):
    """Presidio's provider, building the engine with the two classes above."""

    def _load_nlp_engine(self) -> SpacyNlpEngine:
        return NlpEngineProvider(
            nlp_engines=(ChatSpacyNlpEngine,),
            nlp_configuration=self.configuration["nlp_configuration"],
        ).create_engine()

    def _load_context_aware_enhancer(self) -> LemmaContextEnhancer:
        return LemmaContextEnhancer()
